import { describe, expect, it } from 'vitest';
import { pageUrl, paginate } from '../../src/lib/pagination.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('paginate', () => {
  it.each([
    [0, 5, [0]],
    [1, 5, [1]],
    [5, 5, [5]],
    [6, 5, [5, 1]],
    [9, 5, [5, 4]],
    [10, 5, [5, 5]],
    [11, 5, [5, 5, 1]],
    [7, 1, [1, 1, 1, 1, 1, 1, 1]],
  ])('%i items, %i a page → page sizes %j', (count, size, sizes) => {
    const pages = paginate(range(count), size);
    expect(pages.map((page) => page.items.length)).toEqual(sizes);
    expect(pages.flatMap((page) => page.items)).toEqual(range(count));
    for (const page of pages) expect(page.total).toBe(sizes.length);
  });

  it('links pages to their neighbours', () => {
    const pages = paginate(range(12), 5);
    expect(pages.map((p) => [p.number, p.url, p.newerUrl, p.olderUrl])).toEqual([
      [1, '/', undefined, '/seite/2/'],
      [2, '/seite/2/', '/', '/seite/3/'],
      [3, '/seite/3/', '/seite/2/', undefined],
    ]);
  });

  it.each([0, -1, 2.5, Number.NaN])('rejects page size %d', (size) => {
    expect(() => paginate([1], size)).toThrow(RangeError);
  });
});

describe('pageUrl', () => {
  it.each([
    [1, '/'],
    [2, '/seite/2/'],
    [10, '/seite/10/'],
  ])('page %i → %s', (n, url) => {
    expect(pageUrl(n)).toBe(url);
  });
});
