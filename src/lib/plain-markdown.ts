import { markdownToMdast, mdxToMdast } from 'satteri';
import { isTeaserMarker } from './teaser-marker.ts';

// Most posts use nothing of MDX but the teaser marker. Compiling each of them into a JavaScript
// module costs a build far more than rendering Markdown (Astro bundles every MDX module), so
// such posts are rendered as Markdown instead: src/content.config.ts asks `plainMarkdownSource`.

/** The teaser marker as Markdown writes it; teaser-marker.ts turns both forms into the same element. */
export const MARKDOWN_TEASER_MARKER = '<!-- more -->';

interface Node {
  type: string;
  value?: string;
  url?: string;
  lang?: string | null;
  depth?: number;
  ordered?: boolean | null;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Node types that only MDX has (components, expressions, imports) and images (MDX renders them with `<Picture>`). */
const needsMdx = (node: Node): boolean =>
  (node.type.startsWith('mdx') && !(node.type === 'mdxFlowExpression' && isTeaserMarker(node.value ?? ''))) ||
  node.type === 'image' ||
  node.type === 'imageReference';

/** A tree's shape and text without positions, the marker written the Markdown way. */
function signature(node: Node): unknown {
  if (node.type === 'mdxFlowExpression' || (node.type === 'html' && node.value === MARKDOWN_TEASER_MARKER)) {
    return ['html', MARKDOWN_TEASER_MARKER];
  }
  return [
    node.type,
    node.value ?? null,
    node.url ?? null,
    node.lang ?? null,
    node.depth ?? null,
    node.ordered ?? null,
    (node.children ?? []).map(signature),
  ];
}

/**
 * The post body as Markdown that renders the same as the MDX, or `undefined` when the post
 * needs MDX: a component, an expression, an import or an image, or any text that Markdown reads
 * differently from MDX (e.g. an indented code block). The teaser marker `{/* more *\/}` becomes
 * `<!-- more -->`. Bodies with MDX syntax errors give `undefined`: the MDX path reports them.
 */
export function plainMarkdownSource(body: string): string | undefined {
  let mdx: Node;
  try {
    mdx = mdxToMdast(body) as Node;
  } catch {
    return undefined;
  }
  const markers: { start: number; end: number }[] = [];
  const plain = (node: Node): boolean => {
    if (needsMdx(node)) return false;
    if (node.type === 'mdxFlowExpression') {
      const { start, end } = node.position ?? { start: {}, end: {} };
      if (start.offset === undefined || end.offset === undefined) return false;
      markers.push({ start: start.offset, end: end.offset });
    }
    return (node.children ?? []).every(plain);
  };
  if (!plain(mdx)) return undefined;
  let source = body;
  for (const { start, end } of markers.sort((a, b) => b.start - a.start)) {
    source = source.slice(0, start) + MARKDOWN_TEASER_MARKER + source.slice(end);
  }
  // Astro's Markdown renderer reads a leading `---` as frontmatter.
  if (/^\s*---/.test(source)) return undefined;
  let markdown: Node;
  try {
    markdown = markdownToMdast(source) as Node;
  } catch {
    return undefined;
  }
  return JSON.stringify(signature(markdown)) === JSON.stringify(signature(mdx)) ? source : undefined;
}

/** The build log's line: how many of the posts loaded were rendered as Markdown. */
export const plainMarkdownSummary = (markdown: number, loaded: number): string =>
  `${markdown} von ${loaded} Beiträgen ohne MDX-Komponenten, -Ausdrücke und Bilder: als Markdown gerendert`;
