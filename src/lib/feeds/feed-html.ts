import type { HTMLElement } from 'node-html-parser';
import { isCodeClass } from '#lib/markdown/code-highlight.ts';
import { parseHtml } from '#lib/markdown/html.ts';
import { TEASER_END_ATTRIBUTE } from '#lib/markdown/teaser-marker.ts';
import { absolutizeTree } from '#lib/site/urls.ts';

/**
 * Rendered post HTML made fit for feed readers: the teaser marker, Astro's scoping attributes and
 * the colour classes of highlighted code removed (they mean nothing outside the site), every URL
 * absolute on `base`. So code reaches feed readers uncoloured: the site writes no style attributes.
 */
export function toFeedHtml(html: string, base: string): string {
  const root = parseHtml(html);
  prepareForFeed(root, base);
  return root.toString();
}

/** {@link toFeedHtml} on a parsed tree, which it changes in place. */
export function prepareForFeed(root: HTMLElement, base: string): void {
  for (const marker of root.querySelectorAll(`[${TEASER_END_ATTRIBUTE}]`)) marker.remove();
  for (const element of root.querySelectorAll('*')) {
    for (const name of Object.keys(element.attributes)) {
      if (name.startsWith('data-astro-cid-')) element.removeAttribute(name);
    }
  }
  for (const element of root.querySelectorAll('pre.astro-code, pre.astro-code *')) {
    for (const name of element.classList.value.filter(isCodeClass)) element.classList.remove(name);
    if (element.classList.length === 0) element.removeAttribute('class');
  }
  absolutizeTree(root, base);
}
