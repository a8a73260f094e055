// The teaser marker's facts, free of parsers, so that the web editor (src/scripts/admin.ts) can
// use them in the browser; the renderer's plugin is in teaser-marker-plugin.ts.

/** Attribute that marks where a post's teaser ends in the rendered HTML. */
export const TEASER_END_ATTRIBUTE = 'data-teaser-end';

/** The marker as editors write it in MDX: everything before it is the teaser. */
export const TEASER_MARKER = '{/* more */}';

/** True for the MDX comment `{/* more *\/}` that editors put after the teaser. */
export const isTeaserMarker = (expression: string): boolean =>
  /^\/\*\s*more\s*\*\/$/i.test(expression.trim());

/** The marker in posts rendered as Markdown: src/lib/markdown/plain-markdown.ts writes it for `{/* more *\/}`. */
export const MARKDOWN_TEASER_MARKER = '<!-- more -->';
