import { describe, expect, it } from 'vitest';
import { derivePostRecord } from '#lib/render/record.ts';
import { toFeedHtml } from '#lib/feeds/feed-html.ts';
import { extractTeaser } from '#lib/markdown/teaser.ts';
import { plainSummary } from '#lib/markdown/summary.ts';

const LINK = 'https://www.example.org/blog/2024/beitrag/';

const withMarker = {
  html:
    '<p>Erster <a href="/blog/2021/x/">Absatz</a> mit Bild <img src="/_astro/a.webp" alt="A"></p>\n<p>Zweiter Absatz.</p>\n' +
    '<hr hidden data-teaser-end>\n<h2 id="mehr">Mehr dazu</h2>\n<aside class="note" data-astro-cid-abc><p data-astro-cid-abc>Hinweis</p></aside>',
  headings: [
    { depth: 2, slug: 'mehr', text: 'Mehr dazu' },
    { depth: 4, slug: 'tief', text: 'Zu tief' },
  ],
};

describe('derivePostRecord', () => {
  it('derives teaser, contents, minutes and feed HTML from one rendering', () => {
    const record = derivePostRecord(withMarker, LINK);
    expect(record.html).toBe(withMarker.html);
    expect(record.teaser).toBe(extractTeaser(withMarker.html));
    expect(record.teaser).toContain('href="/blog/2021/x/"');
    expect(record.teaser).not.toContain('Zweiter Absatz.</p>\n<hr');
    expect(record.toc).toEqual([{ depth: 2, id: 'mehr', text: 'Mehr dazu' }]);
    expect(record.minutes).toBe(1);
    expect(record.description).toBe('Erster Absatz mit Bild Zweiter Absatz.');
  });

  it('gives the feed the same HTML as making each part fit for feeds on its own', () => {
    const record = derivePostRecord(withMarker, LINK);
    expect(record.feed.content).toBe(toFeedHtml(withMarker.html, LINK));
    expect(record.feed.teaser).toBe(toFeedHtml(extractTeaser(withMarker.html), LINK));
    expect(record.feed.teaser).toContain('href="https://www.example.org/blog/2021/x/"');
    expect(record.feed.content).not.toContain('data-teaser-end');
    expect(record.feed.content).not.toContain('data-astro-cid');
  });

  it('takes the description from the frontmatter when there is one', () => {
    expect(derivePostRecord(withMarker, LINK, 'Eigene Beschreibung').description).toBe('Eigene Beschreibung');
  });

  it('without a marker, takes the first paragraph as teaser and its text as description', () => {
    const html = `<h2 id="a">A</h2><p>${'Wort '.repeat(60)}</p><p>Weiter.</p>`;
    const record = derivePostRecord({ html, headings: [] }, LINK);
    expect(record.teaser).toBe(`<p>${'Wort '.repeat(60)}</p>`);
    expect(record.description).toBe(plainSummary(record.teaser));
    expect(record.description.length).toBeLessThanOrEqual(160);
  });

  it('counts the words of the whole article for the reading time', () => {
    const html = `<p>Kurz.</p><!-- --><p>${'Wort '.repeat(1_000)}</p>`;
    expect(derivePostRecord({ html, headings: [] }, LINK).minutes).toBe(5);
  });

  it('is plain data that survives JSON, so a later build can store it', () => {
    const record = derivePostRecord(withMarker, LINK);
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });
});
