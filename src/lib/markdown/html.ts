import { parse, type HTMLElement } from 'node-html-parser';

/**
 * Parses an HTML fragment. `<pre>` is parsed as markup (node-html-parser keeps it as raw text
 * by default), so code blocks are walked like everything else.
 */
export const parseHtml = (html: string): HTMLElement =>
  parse(html, { comment: false, blockTextElements: { script: true, noscript: true, style: true } });

/** `html` parsed, or the tree itself when a caller has parsed it already (to parse once). */
export const parsedHtml = (html: string | HTMLElement): HTMLElement =>
  typeof html === 'string' ? parseHtml(html) : html;

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a substring
 * as a view into its source, so a teaser or heading cut from a parsed article would keep the
 * whole parsed source alive as long as the substring lives: for a memo kept for the whole build,
 * one extra copy of every article.
 */
export const detached = (text: string): string => structuredClone(text);
