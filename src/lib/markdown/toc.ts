/** A heading of an article, for the table of contents. */
export interface TocEntry {
  depth: 2 | 3;
  id: string;
  text: string;
}

/** Articles with at least this many subheadings get a table of contents. */
export const TOC_MIN_HEADINGS = 3;

/** A heading as Astro's `render()` reports it: level, anchor id and text. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * The h2 and h3 headings of an article, in order, with their anchor ids, from what `render()`
 * already returns, so the rendered HTML need not be searched for them.
 */
export function tableOfContents(headings: readonly RenderedHeading[]): TocEntry[] {
  return headings
    .filter((heading): heading is RenderedHeading & { depth: 2 | 3 } => heading.depth === 2 || heading.depth === 3)
    .map((heading) => ({ depth: heading.depth, id: heading.slug, text: heading.text.replace(/\s+/g, ' ').trim() }))
    .filter((entry) => entry.id !== '' && entry.text !== '');
}

/** Whether an article is long enough in structure to need a table of contents. */
export const needsToc = (entries: readonly TocEntry[]): boolean => entries.length >= TOC_MIN_HEADINGS;
