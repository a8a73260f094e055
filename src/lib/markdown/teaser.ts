import type { HTMLElement } from 'node-html-parser';
import { parsedHtml } from '#lib/markdown/html.ts';
import { TEASER_END_ATTRIBUTE } from '#lib/markdown/teaser-marker.ts';

/** True when the rendered post contains the teaser marker. */
export const hasTeaserMarker = (html: string): boolean => html.includes(TEASER_END_ATTRIBUTE);

/**
 * The teaser of a rendered post: every top-level element before the teaser marker, or, without
 * a marker, the first top-level paragraph. The HTML is kept as rendered (links, emphasis, lists).
 * Takes the HTML or its parsed tree (which it does not change), so a caller parses once.
 */
export function extractTeaser(html: string | HTMLElement): string {
  const root = parsedHtml(html);
  const children = root.childNodes;
  const markerIndex = children.findIndex(
    (node) => isElement(node) && node.hasAttribute(TEASER_END_ATTRIBUTE),
  );
  if (markerIndex >= 0) {
    return children
      .slice(0, markerIndex)
      .map((node) => node.toString())
      .join('')
      .trim();
  }
  const firstParagraph = children.find(
    (node) => isElement(node) && node.tagName === 'P',
  );
  return firstParagraph ? firstParagraph.toString() : '';
}

const isElement = (node: unknown): node is HTMLElement =>
  typeof node === 'object' && node !== null && (node as { nodeType?: number }).nodeType === 1;
