import type { AstroIntegrationLogger } from 'astro';
import { checkContentAndList } from '#lib/checks/content.ts';
import { BUILD_TIME_ENV, buildTime } from '#lib/content/posts.ts';
import { formatProblem } from '#lib/checks/problem.ts';
import { contentPaths, readContentFromDisk } from '#lib/content/source.ts';
import type { AliasRedirect } from '#lib/site/htaccess.ts';
import { SKIP_CHECK_ENV } from './env.ts';
import { rememberMarkdownPlan } from '#lib/markdown/plain-markdown.ts';


/** What the content check learned about the published posts, for the steps after the pages. */
export interface BuildFacts {
  /** Published articles: address and last change. */
  articles: { url: string; date: Date; updated?: Date | undefined }[];
  /** Old addresses of published posts and where each leads now, newest post first. */
  redirects: AliasRedirect[];
}

/** Folders of the project, as Astro's config names them. */
export interface CheckFolders {
  root: string;
  publicDir: string;
  cacheDir: string;
}

/**
 * The editors' content checks (`npm run check`), run first thing in `astro build`, so a broken
 * post stops the build before anything is written, with the same one-line German messages
 * instead of a bundler's error about generated code. Fixes the build's moment (BLOG_BUILD_TIME)
 * for every later step, and returns what the steps after the pages need to know.
 */
export async function runContentCheck(folders: CheckFolders, logger: AstroIntegrationLogger): Promise<BuildFacts> {
  const snapshot = readContentFromDisk(contentPaths(folders.root, process.env, folders.publicDir));
  // BLOG_BUILD_TIME, when set, builds the site as of that moment (tests of scheduled posts).
  const now = buildTime();
  process.env[BUILD_TIME_ENV] = now.toISOString();
  // The loader renders plain posts as Markdown (src/content.config.ts): it gets what this parse found.
  const { problems, published } = await checkContentAndList(snapshot, now, folders.cacheDir, rememberMarkdownPlan);
  const facts: BuildFacts = {
    articles: published.map(({ url, data }) => ({ url, date: data.date, updated: data.updated })),
    redirects: published.flatMap(({ url, data }) => data.aliases.map((from) => ({ from, to: url }))),
  };
  if (process.env[SKIP_CHECK_ENV] === '1') {
    // Only for tests that show what the deploy's verification finds without this check.
    logger.warn(`${SKIP_CHECK_ENV}=1: Beiträge NICHT geprüft – dieser Build ist nicht zum Veröffentlichen gedacht.`);
    return facts;
  }
  for (const warning of problems.filter((problem) => problem.severity === 'warning')) {
    logger.warn(formatProblem(warning));
  }
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`Fehler in den Beiträgen (${errors.length}), nichts gebaut:\n${errors.map(formatProblem).join('\n')}`);
  }
  logger.info(`${snapshot.posts.length} Beiträge geprüft, keine Fehler`);
  return facts;
}
