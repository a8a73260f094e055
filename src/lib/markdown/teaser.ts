import type { HTMLElement, Node } from 'node-html-parser';
import { parsedHtml } from '#lib/markdown/html.ts';
import { TEASER_END_ATTRIBUTE } from '#lib/markdown/teaser-marker.ts';

/** True when the rendered post contains the teaser marker. */
export const hasTeaserMarker = (html: string): boolean => html.includes(TEASER_END_ATTRIBUTE);

/**
 * The teaser of a rendered post: every top-level element before the teaser marker, or, without
 * a marker, the first top-level paragraph. The HTML is kept as rendered (links, emphasis, lists).
 * Takes the HTML or its parsed tree (which it does not change), so a caller parses once.
 */
export const extractTeaser = (html: string | HTMLElement): string => teaserHtmlOf(teaserNodes(parsedHtml(html)));

/** The top-level nodes of a parsed post that make its teaser (see {@link extractTeaser}). */
export function teaserNodes(root: HTMLElement): Node[] {
  const children = root.childNodes;
  const markerIndex = children.findIndex((node) => isElement(node) && node.hasAttribute(TEASER_END_ATTRIBUTE));
  if (markerIndex >= 0) return children.slice(0, markerIndex);
  const firstParagraph = children.find((node) => isElement(node) && node.tagName === 'P');
  return firstParagraph ? [firstParagraph] : [];
}

/** The HTML of teaser nodes, as they are now (a caller may have changed them, e.g. for feeds). */
export const teaserHtmlOf = (nodes: readonly Node[]): string =>
  nodes
    .map((node) => node.toString())
    .join('')
    .trim();

const isElement = (node: unknown): node is HTMLElement =>
  typeof node === 'object' && node !== null && (node as { nodeType?: number }).nodeType === 1;
