import { parseHtml } from './html.ts';
import { TEASER_END_ATTRIBUTE } from './teaser-marker.ts';
import { absolutizeHtml } from './urls.ts';

/**
 * Rendered post HTML made fit for feed readers: the teaser marker and Astro's scoping
 * attributes removed (they mean nothing outside the site), every URL absolute on `base`.
 */
export function toFeedHtml(html: string, base: string): string {
  const root = parseHtml(html);
  for (const marker of root.querySelectorAll(`[${TEASER_END_ATTRIBUTE}]`)) marker.remove();
  for (const element of root.querySelectorAll('*')) {
    for (const name of Object.keys(element.attributes)) {
      if (name.startsWith('data-astro-cid-')) element.removeAttribute(name);
    }
  }
  return absolutizeHtml(root.toString(), base);
}
