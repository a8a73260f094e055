import { describe, expect, it } from 'vitest';
import { toFeedHtml } from '#lib/feeds/feed-html.ts';

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

  it('drops the colour classes of highlighted code, which need the site’s stylesheet, and keeps the others', () => {
    const html =
      '<pre class="astro-code github-light github-dark hl-light-24292e hl-dark-e1e4e8 hl-overflow-x-auto" tabindex="0" data-language="bash"><code>' +
      '<span class="line"><span class="hl-light-6f42c1 hl-dark-b392f0">ps</span><span class="hl-user-select-none">+</span></span></code></pre>' +
      '<p class="hl-eigene-klasse">Text</p>';
    expect(toFeedHtml(html, BASE)).toBe(
      '<pre class="astro-code github-light github-dark" tabindex="0" data-language="bash"><code>' +
        '<span class="line"><span>ps</span><span>+</span></span></code></pre>' +
        '<p class="hl-eigene-klasse">Text</p>',
    );
  });

  it('keeps a fragment without URLs as it is', () => {
    expect(toFeedHtml('<p>„Grüße“ – <em>fein</em></p>', BASE)).toBe('<p>„Grüße“ – <em>fein</em></p>');
  });
});
