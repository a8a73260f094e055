import { mdxToMdast } from 'satteri';

/** A node of the MDX syntax tree, with the fields this site reads. */
export interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  value?: string;
  url?: string;
  alt?: string | null;
  lang?: string | null;
  depth?: number;
  ordered?: boolean | null;
  children?: MdxNode[];
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
}

/** A post body parsed as MDX: its tree, or why it does not parse. */
export type ParsedMdx = { tree: MdxNode; error?: undefined } | { tree?: undefined; error: unknown };

/**
 * Parses a post body (the MDX after the frontmatter): the one place a body becomes a tree. The
 * content check reads the tree, and in a build hands what the loader needs on
 * (src/lib/markdown/plain-markdown.ts), so a body is parsed as MDX once per build.
 */
export function parseMdx(body: string): ParsedMdx {
  const kept = previewTrees?.get(body);
  if (kept !== undefined) return kept;
  let parsed: ParsedMdx;
  try {
    parsed = { tree: mdxToMdast(body) as MdxNode };
  } catch (error) {
    parsed = { error };
  }
  if (previewTrees !== undefined) {
    if (previewTrees.size >= PREVIEW_TREES) previewTrees.delete(previewTrees.keys().next().value!);
    previewTrees.set(body, parsed);
  }
  return parsed;
}

/**
 * `npm run dev` checks every post on each change (src/lib/content/collection.ts): the trees of
 * bodies it has parsed are kept (by their text, oldest out first), so a change parses one body.
 * Nothing reads a tree to change it. A build parses each body once and keeps nothing.
 */
const previewTrees: Map<string, ParsedMdx> | undefined = process.env['BLOG_PREVIEW'] === '1' ? new Map() : undefined;

/** How many trees the preview keeps: all posts of a large blog and the versions of some being edited. */
const PREVIEW_TREES = 5_000;
