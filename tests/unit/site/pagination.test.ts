import { describe, expect, it } from 'vitest';
import { pageUrl, pagerNumbers, paginate } from '#lib/site/pagination.ts';

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

describe('pagerNumbers', () => {
  it.each([
    [1, 1, [1]],
    [2, 3, [1, 2, 3]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
    [1, 8, [1, 2, 3, undefined, 8]],
    [1, 1000, [1, 2, 3, undefined, 1000]],
    [5, 1000, [1, 2, 3, 4, 5, 6, 7, undefined, 1000]],
    [6, 1000, [1, undefined, 4, 5, 6, 7, 8, undefined, 1000]],
    [500, 1000, [1, undefined, 498, 499, 500, 501, 502, undefined, 1000]],
    [997, 1000, [1, undefined, 995, 996, 997, 998, 999, 1000]],
    [1000, 1000, [1, undefined, 998, 999, 1000]],
  ])('page %i of %i → %j', (current, total, expected) => {
    expect(pagerNumbers(current, total)).toEqual(expected);
  });

  it('shows the first, the last and the current page, in order, never more than 9 entries', () => {
    for (const total of [1, 2, 9, 10, 57]) {
      for (let current = 1; current <= total; current++) {
        const shown = pagerNumbers(current, total);
        const numbers = shown.filter((n): n is number => n !== undefined);
        expect(numbers).toContain(1);
        expect(numbers).toContain(total);
        expect(numbers).toContain(current);
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        expect(shown.length).toBeLessThanOrEqual(9);
      }
    }
  });
});

describe('paginate: pager links', () => {
  it("name the pages by the URL function given, e.g. a topic's own pages", () => {
    const pages = paginate(range(40), 5, (n) => (n === 1 ? '/thema/x/' : `/thema/x/seite/${n}/`));
    expect(pages[0]!.pagerLinks).toEqual([
      { number: 1, url: '/thema/x/' },
      { number: 2, url: '/thema/x/seite/2/' },
      { number: 3, url: '/thema/x/seite/3/' },
      undefined,
      { number: 8, url: '/thema/x/seite/8/' },
    ]);
  });
});
