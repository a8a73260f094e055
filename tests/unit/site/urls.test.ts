import { describe, expect, it } from 'vitest';
import { absolutizeHtml, absolutizeSrcset, toAbsoluteUrl } from '#lib/site/urls.ts';

const BASE = 'https://www.example.org/blog/2022/beitrag/';

describe('toAbsoluteUrl', () => {
  it.each([
    ['/blog/2022/x/', 'https://www.example.org/blog/2022/x/'],
    ['/_astro/bild.abc.webp', 'https://www.example.org/_astro/bild.abc.webp'],
    ['bild.png', 'https://www.example.org/blog/2022/beitrag/bild.png'],
    ['../andere/', 'https://www.example.org/blog/2022/andere/'],
    ['https://znuny.org/', 'https://znuny.org/'],
    ['mailto:info@example.org', 'mailto:info@example.org'],
    ['#abschnitt', '#abschnitt'],
    ['//cdn.example.net/x.js', 'https://cdn.example.net/x.js'],
  ])('%s → %s', (url, absolute) => {
    expect(toAbsoluteUrl(url, BASE)).toBe(absolute);
  });
});

describe('absolutizeHtml', () => {
  it('rewrites href, src and srcset', () => {
    const html =
      '<p><a href="/blog/2021/a/">A</a> <img src="/_astro/a.webp" srcset="/_astro/a-400.webp 400w, /_astro/a-800.webp 800w" alt="Bild"></p>';
    const out = absolutizeHtml(html, BASE);
    expect(out).toContain('href="https://www.example.org/blog/2021/a/"');
    expect(out).toContain('src="https://www.example.org/_astro/a.webp"');
    expect(out).toContain(
      'srcset="https://www.example.org/_astro/a-400.webp 400w, https://www.example.org/_astro/a-800.webp 800w"',
    );
    expect(out).toContain('alt="Bild"');
  });

  it('keeps text with umlauts and entities', () => {
    expect(absolutizeHtml('<p>Grüße &amp; „Zitat“</p>', BASE)).toBe('<p>Grüße &amp; „Zitat“</p>');
  });
});

describe('absolutizeSrcset', () => {
  it.each([
    ['/a.webp 1x, /b.webp 2x', 'https://www.example.org/a.webp 1x, https://www.example.org/b.webp 2x'],
    ['/a.webp', 'https://www.example.org/a.webp'],
    ['', ''],
  ])('%j', (srcset, expected) => {
    expect(absolutizeSrcset(srcset, BASE)).toBe(expected);
  });
});
