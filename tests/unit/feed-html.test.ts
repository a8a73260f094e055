import { describe, expect, it } from 'vitest';
import { toFeedHtml } from '../../src/lib/feed-html.ts';

const BASE = 'https://www.example.org/blog/2022/beitrag/';

describe('toFeedHtml', () => {
  it('drops the teaser marker and scoping attributes and makes URLs absolute', () => {
    const html =
      '<p>A <a href="/blog/2021/x/">x</a></p>\n<hr hidden data-teaser-end/>\n<aside class="note" data-astro-cid-abc123><p data-astro-cid-abc123>B</p></aside><img src="/_astro/b.webp" alt="Bild">';
    const out = toFeedHtml(html, BASE);
    expect(out).not.toContain('data-teaser-end');
    expect(out).not.toContain('data-astro-cid');
    expect(out).toContain('<aside class="note"><p>B</p></aside>');
    expect(out).toContain('href="https://www.example.org/blog/2021/x/"');
    expect(out).toContain('src="https://www.example.org/_astro/b.webp"');
    expect(out).toContain('alt="Bild"');
  });

  it('keeps a fragment without URLs as it is', () => {
    expect(toFeedHtml('<p>„Grüße“ – <em>fein</em></p>', BASE)).toBe('<p>„Grüße“ – <em>fein</em></p>');
  });
});
