import { createHash } from 'node:crypto';
import { markdownToMdast } from 'satteri';
import { parseMdx, type MdxNode, type ParsedMdx } from '#lib/markdown/parse.ts';
import { MARKDOWN_TEASER_MARKER, isTeaserMarker } from '#lib/markdown/teaser-marker.ts';
import { DEFAULT_NOTE_TITLE, NOTE_CLOSING, noteOpening } from '#lib/markdown/note.ts';

// Most posts use nothing of MDX but the teaser marker and `<Note>` boxes. Compiling each of them
// into a JavaScript module costs a build far more than rendering Markdown (Astro bundles every
// MDX module, and keeps the memory of bundling them), so such posts are rendered as Markdown
// instead: src/content.config.ts asks `plainMarkdownFor`.

type Node = MdxNode;

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
 * Markdown that may render the same as a post's MDX, and the fingerprint of the MDX tree it must
 * read as: the half of {@link plainMarkdownSource} that needs the MDX tree.
 */
export interface MarkdownPlan {
  source: string;
  signature: string;
}

const fingerprint = (nodes: readonly Node[]): string => createHash('sha1').update(JSON.stringify(signatures(nodes))).digest('base64');

/**
 * From a parsed MDX body, the Markdown to try, or `undefined` when the post needs MDX: a
 * component other than a plain `<Note>`, an expression, an import or an image. The teaser marker
 * `{/* more *\/}` becomes `<!-- more -->`, a `<Note>` the HTML of Note.astro. Bodies with MDX
 * syntax errors give `undefined`: the MDX path reports them.
 */
export function planMarkdown(body: string, { tree }: ParsedMdx): MarkdownPlan | undefined {
  if (tree === undefined) return undefined;
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
  if (!plain(tree)) return undefined;
  let source = body;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) {
    source = source.slice(0, start) + text + source.slice(end);
  }
  // Astro's Markdown renderer reads a leading `---` as frontmatter.
  if (/^\s*---/.test(source)) return undefined;
  return { source, signature: fingerprint([tree]) };
}

/**
 * The plan's Markdown if Markdown reads it exactly as MDX read the body (not, say, an indented
 * code block that MDX reads as a paragraph), else `undefined`.
 */
export function confirmMarkdown({ source, signature }: MarkdownPlan): string | undefined {
  let markdown: Node;
  try {
    markdown = markdownToMdast(source) as Node;
  } catch {
    return undefined;
  }
  return fingerprint([markdown]) === signature ? source : undefined;
}

/** The post body as Markdown that renders the same as the MDX, or `undefined` when it needs MDX. */
export function plainMarkdownSource(body: string, parsed: ParsedMdx = parseMdx(body)): string | undefined {
  const plan = planMarkdown(body, parsed);
  return plan === undefined ? undefined : confirmMarkdown(plan);
}

/**
 * Plans made by the build's content check (src/integration/content-check.ts), for the content
 * loader (src/content.config.ts), which runs later in the same process but in another module
 * graph: hence a process-wide map. Keyed by a hash of the body; `null` for a body that needs MDX.
 */
const plans: Map<string, MarkdownPlan | null> = ((globalThis as Record<symbol, unknown>)[Symbol.for('blog.markdownPlans')] ??= new Map()) as Map<string, MarkdownPlan | null>;

const bodyKey = (body: string): string => createHash('sha1').update(body).digest('base64');

/** Keeps the plan for a body the content check has parsed, so that the loader need not parse it again. */
export function rememberMarkdownPlan(body: string, parsed: ParsedMdx): void {
  plans.set(bodyKey(body), planMarkdown(body, parsed) ?? null);
}

/** Drops the plans no loader took (posts unchanged since the last build): the content is loaded. */
export const forgetMarkdownPlans = (): void => plans.clear();

/**
 * {@link plainMarkdownSource} for the content loader: from the content check's plan when it made
 * one (taken once), else from parsing the body (`astro dev`, where no check runs before).
 */
export function plainMarkdownFor(body: string): string | undefined {
  const key = bodyKey(body);
  const plan = plans.get(key);
  if (plan === undefined) return plainMarkdownSource(body);
  plans.delete(key);
  return plan === null ? undefined : confirmMarkdown(plan);
}

/** The build log's line: how many of the posts loaded were rendered as Markdown. */
export const plainMarkdownSummary = (markdown: number, loaded: number): string =>
  `${markdown} von ${loaded} Beiträgen als Markdown gerendert (ohne Bilder, Ausdrücke und Komponenten außer <Note>)`;
