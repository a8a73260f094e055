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
    };
  });
}
