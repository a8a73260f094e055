import { defineMdastPlugin } from 'satteri';
import { MARKDOWN_TEASER_MARKER, TEASER_END_ATTRIBUTE, isTeaserMarker } from './teaser-marker.ts';

/**
 * Sätteri mdast plugin: turns the teaser marker into a hidden, empty `<hr>` carrying
 * {@link TEASER_END_ATTRIBUTE}, so the rendered HTML can be cut there and the teaser keeps
 * every link, emphasis and list exactly as the article renders them. Astro 7's default
 * processor ignores remark plugins, hence a Sätteri plugin. Both forms of the marker give the
 * same HTML: `{/* more *\/}` in MDX and `<!-- more -->` in posts rendered as Markdown.
 */
export const teaserMarkerPlugin = defineMdastPlugin({
  name: 'teaser-marker',
  mdxFlowExpression(node, ctx) {
    if (!isTeaserMarker(node.value)) return;
    ctx.replaceNode(node, {
      type: 'mdxJsxFlowElement',
      name: 'hr',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'hidden', value: null },
        { type: 'mdxJsxAttribute', name: TEASER_END_ATTRIBUTE, value: '' },
      ],
      children: [],
    });
  },
  html(node, ctx) {
    if (node.value !== MARKDOWN_TEASER_MARKER) return;
    ctx.replaceNode(node, { type: 'html', value: `<hr hidden ${TEASER_END_ATTRIBUTE}/>` });
  },
});
