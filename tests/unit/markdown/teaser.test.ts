import { describe, expect, it } from 'vitest';
import { parseHtml } from '#lib/markdown/html.ts';
import { extractTeaser, hasTeaserMarker } from '#lib/markdown/teaser.ts';
import { isTeaserMarker } from '#lib/markdown/teaser-marker.ts';

const MARKER = '<hr hidden data-teaser-end/>';

describe('extractTeaser', () => {
  it.each([
    [
      'everything before the marker, formatting kept',
      `<p>Eins mit <a href="/x/">Link</a> und <em>Betonung</em>.</p>\n<ul><li>a</li></ul>\n${MARKER}\n<h2>Mehr</h2><p>Rest</p>`,
      '<p>Eins mit <a href="/x/">Link</a> und <em>Betonung</em>.</p>\n<ul><li>a</li></ul>',
    ],
    [
      'the first paragraph without a marker',
      '<p>Erster „Absatz“ – mit ß.</p>\n<p>Zweiter Absatz.</p>',
      '<p>Erster „Absatz“ – mit ß.</p>',
    ],
    [
      'the first top-level paragraph, skipping a leading heading',
      '<h2>Titel</h2><aside><p>Kasten</p></aside><p>Absatz</p>',
      '<p>Absatz</p>',
    ],
    ['nothing for an empty post', '', ''],
    ['nothing when the marker comes first', `${MARKER}<p>Rest</p>`, ''],
    [
      'only up to the first marker when there are two',
      `<p>A</p>${MARKER}<p>B</p>${MARKER}<p>C</p>`,
      '<p>A</p>',
    ],
  ])('takes %s', (_, html, teaser) => {
    expect(extractTeaser(html)).toBe(teaser);
    // The same from a tree parsed once for several uses, which stays as it was.
    const root = parseHtml(html);
    expect(extractTeaser(root)).toBe(teaser);
    expect(root.toString()).toBe(parseHtml(html).toString());
  });
});

describe('hasTeaserMarker', () => {
  it.each([
    [`<p>A</p>${MARKER}<p>B</p>`, true],
    ['<p>A</p><hr><p>B</p>', false],
  ])('%j → %s', (html, expected) => {
    expect(hasTeaserMarker(html)).toBe(expected);
  });
});

describe('isTeaserMarker', () => {
  it.each([
    ['/* more */', true],
    ['  /*more*/ ', true],
    ['/* MORE */', true],
    ['/* mehr als das */', false],
    ['more', false],
    ['1 + 1', false],
  ])('%j → %s', (expression, expected) => {
    expect(isTeaserMarker(expression)).toBe(expected);
  });
});
