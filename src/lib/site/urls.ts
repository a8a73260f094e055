import type { HTMLElement } from 'node-html-parser';
import { parseHtml } from '#lib/markdown/html.ts';

/** Turns a root-relative or relative URL into an absolute one on `base`; leaves absolute URLs, anchors-only and mailto as they are. */
export function toAbsoluteUrl(url: string, base: string): string {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    return trimmed;
  }
  return new URL(trimmed, base).href;
}

/**
 * Makes every `href`, `src` and `srcset` URL in an HTML fragment absolute on `base`, as feed
 * readers need: they show content away from the site.
 */
export function absolutizeHtml(html: string, base: string): string {
  const root = parseHtml(html);
  absolutizeTree(root, base);
  return root.toString();
}

/** {@link absolutizeHtml} on a parsed tree, which it changes in place. */
export function absolutizeTree(root: HTMLElement, base: string): void {
  for (const element of root.querySelectorAll('[href], [src], [srcset]')) {
    for (const attribute of ['href', 'src'] as const) {
      const value = element.getAttribute(attribute);
      if (value !== undefined) element.setAttribute(attribute, toAbsoluteUrl(value, base));
    }
    const srcset = element.getAttribute('srcset');
    if (srcset !== undefined) element.setAttribute('srcset', absolutizeSrcset(srcset, base));
  }
}

/** Makes each candidate URL of a `srcset` absolute, keeping its width or density descriptor. */
export const absolutizeSrcset = (srcset: string, base: string): string =>
  srcset
    .split(',')
    .map((candidate) => candidate.trim())
    .filter((candidate) => candidate !== '')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.split(/\s+/);
      return [toAbsoluteUrl(url, base), ...descriptor].join(' ');
    })
    .join(', ');
