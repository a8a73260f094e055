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
  try {
    return { tree: mdxToMdast(body) as MdxNode };
  } catch (error) {
    return { error };
  }
}
