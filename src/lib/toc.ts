import type { HTMLElement } from 'node-html-parser';
import { parsedHtml } from './html.ts';

/** A heading of an article, for the table of contents. */
export interface TocEntry {
  depth: 2 | 3;
  id: string;
  text: string;
}

/** Articles with at least this many subheadings get a table of contents. */
export const TOC_MIN_HEADINGS = 3;

/** The h2 and h3 headings of a rendered article (HTML or its parsed tree), in order, with their anchor ids. */
export function tableOfContents(html: string | HTMLElement): TocEntry[] {
  return parsedHtml(html)
    .querySelectorAll('h2[id], h3[id]')
    .map((heading) => ({
      depth: heading.tagName === 'H2' ? (2 as const) : (3 as const),
      id: heading.getAttribute('id') ?? '',
      text: heading.textContent.replace(/\s+/g, ' ').trim(),
    }))
    .filter((entry) => entry.id !== '' && entry.text !== '');
}

/** Whether an article is long enough in structure to need a table of contents. */
export const needsToc = (entries: readonly TocEntry[]): boolean => entries.length >= TOC_MIN_HEADINGS;
