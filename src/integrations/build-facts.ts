import type { AliasRedirect } from '#lib/site/htaccess.ts';

/**
 * What the content check, the build's first step (src/integrations/content-check.ts), learned
 * about the published posts, handed in memory to the steps after the pages: the `.htaccess`
 * redirects and the sitemap. The pages themselves read the collection (src/lib/content/collection.ts).
 */
export interface BuildFacts {
  /** Published articles: address and last change. */
  articles: { url: string; date: Date; updated?: Date | undefined }[];
  /** Old addresses of published posts and where each leads now, newest post first. */
  redirects: AliasRedirect[];
}

let facts: BuildFacts | undefined;

/** Keeps the facts of this build for the later steps. */
export const setBuildFacts = (value: BuildFacts): void => {
  facts = value;
};

/** The facts of this build; fails loudly when a step runs without the content check before it. */
export function buildFacts(): BuildFacts {
  if (facts === undefined) throw new Error('Build facts missing: the blog-content-check integration must run first (astro.config.mjs).');
  return facts;
}
