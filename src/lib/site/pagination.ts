/** One index page: its items and where it and its neighbours live. */
export interface IndexPage<T> {
  /** 1-based page number. */
  number: number;
  /** Number of pages in all (at least 1). */
  total: number;
  items: T[];
  url: string;
  /** Page with newer posts, if any. */
  newerUrl: string | undefined;
  /** Page with older posts, if any. */
  olderUrl: string | undefined;
  /** What the pager lists: page numbers around this one with their URLs; `undefined` is a gap. */
  pagerLinks: (PagerLink | undefined)[];
}

/** A numbered link of the pager. */
export interface PagerLink {
  number: number;
  url: string;
}

/**
 * Page numbers the pager shows on page `current` of `total`: the first and the last, and `radius`
 * pages on either side of the current one; `undefined` stands for the pages left out. A gap of
 * a single page shows that page instead. So the pager stays a dozen links at 1,000 pages.
 */
export function pagerNumbers(current: number, total: number, radius = 2): (number | undefined)[] {
  const shown = new Set([1, total]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const result: (number | undefined)[] = [];
  for (const n of sorted) {
    const previous = result.at(-1);
    if (previous !== undefined && n - previous === 2) result.push(n - 1);
    else if (previous !== undefined && n - previous > 2) result.push(undefined);
    result.push(n);
  }
  return result;
}

/** URL of index page `n`: page 1 is `/`, later pages `/seite/n/`. */
export const pageUrl = (n: number): string => (n <= 1 ? '/' : `/seite/${n}/`);

/**
 * Splits `items` (already in display order) into pages of `pageSize`. Empty input gives one
 * empty page. `urlFor` names page n (the blog index by default; topic pages bring their own).
 */
export function paginate<T>(
  items: readonly T[],
  pageSize: number,
  urlFor: (n: number) => string = pageUrl,
): IndexPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  }
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      number,
      total,
      items: items.slice(i * pageSize, number * pageSize),
      url: urlFor(number),
      newerUrl: number > 1 ? urlFor(number - 1) : undefined,
      olderUrl: number < total ? urlFor(number + 1) : undefined,
      pagerLinks: pagerNumbers(number, total).map((n) => (n === undefined ? undefined : { number: n, url: urlFor(n) })),
    };
  });
}
