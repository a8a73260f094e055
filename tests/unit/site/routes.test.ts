import { describe, expect, it } from 'vitest';
import { authorUrl, sitePaths } from '#lib/site/routes.ts';

describe('sitePaths', () => {
  it('lists static pages, index pages, articles, authors and public files', () => {
    const paths = sitePaths({
      postUrls: ['/blog/2022/a/', '/blog/2021/b/'],
      indexPages: 3,
      authorIds: ['redaktion'],
      publicFiles: ['/favicon.svg'],
    });
    for (const path of ['/', '/seite/2/', '/seite/3/', '/blog/2022/a/', '/blog/2021/b/', '/autor/redaktion/', '/rss.xml', '/favicon.svg']) {
      expect(paths.has(path), path).toBe(true);
    }
    expect(paths.has('/seite/1/')).toBe(false);
    expect(paths.has('/seite/4/')).toBe(false);
  });

  it.each([
    ['redaktion', '/autor/redaktion/'],
    ['michael-hierweck', '/autor/michael-hierweck/'],
  ])('authorUrl(%s) → %s', (id, url) => {
    expect(authorUrl(id)).toBe(url);
  });
});
