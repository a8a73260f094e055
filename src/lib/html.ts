import { parse, type HTMLElement } from 'node-html-parser';

/**
 * Parses an HTML fragment. `<pre>` is parsed as markup (node-html-parser keeps it as raw text
 * by default), so code blocks are walked like everything else.
 */
export const parseHtml = (html: string): HTMLElement =>
  parse(html, { comment: false, blockTextElements: { script: true, noscript: true, style: true } });
