import { parseHtml } from '#lib/markdown/html.ts';

/**
 * Plain text of an HTML fragment, shortened at a word boundary to at most `maxLength`
 * characters (with "…" when cut): the meta description of posts that bring none.
 */
export const plainSummary = (html: string, maxLength = 160): string => summarize(parseHtml(html).textContent, maxLength);

/** {@link plainSummary} of text already taken out of its HTML. */
export function summarize(content: string, maxLength = 160): string {
  const text = content.replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}
