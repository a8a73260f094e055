import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/lib/html.ts';
import { needsToc, tableOfContents } from '../../src/lib/toc.ts';
import { createHeadingSlugger } from '../../src/lib/heading-ids.ts';

describe('tableOfContents', () => {
  it('lists h2 and h3 with ids in order', () => {
    const html = '<p>x</p><h2 id="ueberblick">Überblick</h2><h3 id="details">Die  Details</h3><h4 id="tief">Tief</h4><h2>Ohne Id</h2><h2 id="schluss">Schluss</h2>';
    const expected = [
      { depth: 2, id: 'ueberblick', text: 'Überblick' },
      { depth: 3, id: 'details', text: 'Die Details' },
      { depth: 2, id: 'schluss', text: 'Schluss' },
    ];
    expect(tableOfContents(html)).toEqual(expected);
    expect(tableOfContents(parseHtml(html))).toEqual(expected);
  });
  it.each([
    [0, false],
    [2, false],
    [3, true],
  ])('%i headings → toc %s', (count, expected) => {
    expect(needsToc(Array.from({ length: count }, (_, i) => ({ depth: 2 as const, id: `h${i}`, text: 'T' })))).toBe(expected);
  });
});

describe('createHeadingSlugger', () => {
  it('makes German-safe, unique, stable anchors', () => {
    const slug = createHeadingSlugger();
    expect(['Über uns', 'Straße & Weg', 'Über uns', 'Über uns', '„…“'].map(slug)).toEqual([
      'ueber-uns',
      'strasse-und-weg',
      'ueber-uns-1',
      'ueber-uns-2',
      'abschnitt',
    ]);
  });
});
