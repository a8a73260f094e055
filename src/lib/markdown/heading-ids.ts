import { defineHastPlugin } from 'satteri';
import { toSlug } from '#lib/site/slugs.ts';

/** Anchor ids for a document's headings: transliterated slugs (`Über uns` → `ueber-uns`), unique. */
export function createHeadingSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = toSlug(text) || 'abschnitt';
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

/**
 * Sätteri hast plugin (a factory, so each document gets its own slugger): gives every heading a
 * German-safe id before Astro's own heading-ids plugin, which keeps ids that are already set.
 * Stable anchors: they depend only on the heading texts.
 */
export const germanHeadingIds = () => {
  const slug = createHeadingSlugger();
  return defineHastPlugin({
    name: 'german-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        if (typeof node.properties?.['id'] === 'string') return;
        ctx.setProperty(node, 'id', slug(ctx.textContent(node)));
      },
    },
  });
};
