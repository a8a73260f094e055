import { markdownToMdast, mdxToMdast } from 'satteri';
import { MARKDOWN_TEASER_MARKER, isTeaserMarker } from '#lib/markdown/teaser-marker.ts';
import { DEFAULT_NOTE_TITLE, NOTE_CLOSING, noteOpening } from '#lib/markdown/note.ts';

// Most posts use nothing of MDX but the teaser marker and `<Note>` boxes. Compiling each of them
// into a JavaScript module costs a build far more than rendering Markdown (Astro bundles every
// MDX module, and keeps the memory of bundling them), so such posts are rendered as Markdown
// instead: src/content.config.ts asks `plainMarkdownSource`.

interface Attribute {
  type: string;
  name?: string;
  value?: unknown;
}

interface Node {
  type: string;
  name?: string | null;
  attributes?: Attribute[];
  value?: string;
  url?: string;
  lang?: string | null;
  depth?: number;
  ordered?: boolean | null;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * The title of a `<Note>` that Markdown can write as HTML: a block with Markdown inside and at
 * most a literal `title`; `undefined` for anything else (expressions, other attributes, no content).
 */
function noteTitle(node: Node): string | undefined {
  if (node.type !== 'mdxJsxFlowElement' || node.name !== 'Note' || (node.children ?? []).length === 0) return undefined;
  let title = DEFAULT_NOTE_TITLE;
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name !== 'title' || typeof attribute.value !== 'string') return undefined;
    title = attribute.value;
  }
  return title;
}

/** Node types that only MDX has (components, expressions, imports), and images (MDX renders them as `<picture>`). */
const needsMdx = (node: Node): boolean =>
  (node.type.startsWith('mdx') &&
    !(node.type === 'mdxFlowExpression' && isTeaserMarker(node.value ?? '')) &&
    noteTitle(node) === undefined) ||
  node.type === 'image' ||
  node.type === 'imageReference';

/**
 * Signatures of a list of nodes: shape and text without positions, the marker written the
 * Markdown way, a note box as its opening HTML, its content and its closing HTML.
 */
function signatures(nodes: readonly Node[]): unknown[] {
  return nodes.flatMap((node): unknown[] => {
    if (node.type === 'mdxFlowExpression' || (node.type === 'html' && node.value === MARKDOWN_TEASER_MARKER)) {
      return [['html', MARKDOWN_TEASER_MARKER]];
    }
    const title = noteTitle(node);
    if (title !== undefined) {
      return [['html', noteOpening(title)], ...signatures(node.children ?? []), ['html', NOTE_CLOSING]];
    }
    if (node.type === 'html') return [['html', node.value ?? '']];
    return [
      [
        node.type,
        node.value ?? null,
        node.url ?? null,
        node.lang ?? null,
        node.depth ?? null,
        node.ordered ?? null,
        signatures(node.children ?? []),
      ],
    ];
  });
}

/** A replacement of `body.slice(start, end)`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The post body as Markdown that renders the same as the MDX, or `undefined` when the post
 * needs MDX: a component other than a plain `<Note>`, an expression, an import or an image, or
 * any text that Markdown reads differently from MDX (e.g. an indented code block). The teaser
 * marker `{/* more *\/}` becomes `<!-- more -->`, a `<Note>` the HTML of Note.astro. Bodies with
 * MDX syntax errors give `undefined`: the MDX path reports them.
 */
export function plainMarkdownSource(body: string): string | undefined {
  let mdx: Node;
  try {
    mdx = mdxToMdast(body) as Node;
  } catch {
    return undefined;
  }
  const edits: Edit[] = [];
  const offsets = (node: Node | undefined) => {
    const start = node?.position?.start.offset;
    const end = node?.position?.end.offset;
    return start === undefined || end === undefined ? undefined : { start, end };
  };
  const plain = (node: Node): boolean => {
    if (needsMdx(node)) return false;
    if (node.type === 'mdxFlowExpression') {
      const at = offsets(node);
      if (!at) return false;
      edits.push({ ...at, text: MARKDOWN_TEASER_MARKER });
    }
    const title = noteTitle(node);
    if (title !== undefined) {
      const [element, first, last] = [offsets(node), offsets(node.children?.[0]), offsets(node.children?.at(-1))];
      if (!element || !first || !last) return false;
      // Blank lines around the content: HTML blocks end there, and Markdown reads what is between.
      edits.push({ start: element.start, end: first.start, text: `${noteOpening(title)}\n\n` });
      edits.push({ start: last.end, end: element.end, text: `\n\n${NOTE_CLOSING}` });
    }
    return (node.children ?? []).every(plain);
  };
  if (!plain(mdx)) return undefined;
  let source = body;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) {
    source = source.slice(0, start) + text + source.slice(end);
  }
  // Astro's Markdown renderer reads a leading `---` as frontmatter.
  if (/^\s*---/.test(source)) return undefined;
  let markdown: Node;
  try {
    markdown = markdownToMdast(source) as Node;
  } catch {
    return undefined;
  }
  return JSON.stringify(signatures([markdown])) === JSON.stringify(signatures([mdx])) ? source : undefined;
}

/** The build log's line: how many of the posts loaded were rendered as Markdown. */
export const plainMarkdownSummary = (markdown: number, loaded: number): string =>
  `${markdown} von ${loaded} Beiträgen als Markdown gerendert (ohne Bilder, Ausdrücke und Komponenten außer <Note>)`;
