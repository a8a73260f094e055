import { statSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir, cacheKey } from '#lib/build/cache.ts';
import { checkContent } from '#lib/checks/content.ts';
import { formatProblem, type Problem } from '#lib/checks/problem.ts';
import { listFiles } from '#lib/content/files.ts';
import type { Post } from '#lib/content/posts.ts';
import { contentPaths, readContentFromDisk } from '#lib/content/source.ts';
import type { PostRecord } from '#lib/render/record.ts';
import { toDayKey } from '#lib/site/dates.ts';

// What only `npm run dev` does (src/lib/content/collection.ts asks for it there): the content check
// on every change, since the build's first step does not run, and records kept across the reloads
// an edit causes.

/**
 * The content check's problems in `npm run dev`, where the build's first step (the content check
 * integration) does not run: posts with errors are left out of the preview, and every page names
 * them (src/components/PreviewProblems.astro), so one broken post never takes the others down.
 * Printed to the terminal once per change.
 */
export function previewProblems(): Promise<Problem[]> {
  if (import.meta.env.BLOG_PREVIEW !== true) return Promise.resolve([]);
  // One page asks several times (its lists, its neighbours, the box on top): one answer serves
  // the calls of a moment, so a request reads the content once; after it, the next call reads
  // the content again and sees an edit.
  if (previewCheck === undefined || Date.now() - previewCheck.at > PREVIEW_CHECK_REUSE_MS) {
    previewCheck = { at: Date.now(), result: runPreviewCheck() };
  }
  return previewCheck.result;
}

/** How long one answer of the preview's content check serves: the calls of one request. */
const PREVIEW_CHECK_REUSE_MS = 300;

let previewCheck: { at: number; result: Promise<Problem[]> } | undefined;

/**
 * The check's answer for the content as it is now: the last answer while nothing the check reads
 * has changed (the texts, the files beside the posts, the day), else a new run. Reading is cheap
 * next to checking; an edit to one post reads everything and checks once.
 */
async function runPreviewCheck(): Promise<Problem[]> {
  const root = process.cwd();
  const paths = contentPaths(root);
  const snapshot = readContentFromDisk(paths);
  const now = new Date();
  const fingerprint = cacheKey(
    JSON.stringify([
      toDayKey(now),
      snapshot.posts,
      snapshot.authors,
      snapshot.legal,
      snapshot.fileProblems,
      snapshot.context.publicFiles,
      listFiles(paths.blogDir).map((file) => {
        const { size, mtimeMs } = statSync(join(paths.blogDir, file));
        return [file, size, mtimeMs];
      }),
    ]),
  );
  if (lastCheck?.fingerprint === fingerprint) return lastCheck.errors;
  const problems = await checkContent(snapshot, now, buildCacheDir(process.env, root));
  const errors = problems.filter((problem) => problem.severity === 'error');
  const report = errors.map(formatProblem).join('\n');
  if (report !== lastReport) {
    lastReport = report;
    if (report !== '') console.error(`Fehler in den Beiträgen (${errors.length}); diese Beiträge fehlen in der Vorschau:\n${report}`);
  }
  lastCheck = { fingerprint, errors };
  return errors;
}

let lastCheck: { fingerprint: string; errors: Problem[] } | undefined;

let lastReport = '';

/**
 * `npm run dev` reloads the collection module on every edit of a post, and with it every record;
 * the records of the posts that did not change are kept here, across reloads, so an edit renders
 * one post again, not all of them. Per set of MDX components: a change to Note.astro loads new
 * ones and starts afresh. A build never uses this (each build renders every post once).
 */
type KeptRecords = Map<string, { key: string; record: PostRecord }>;

const previewRecords: WeakMap<object, KeptRecords> = ((globalThis as Record<symbol, unknown>)[Symbol.for('blog.previewRecords')] ??=
  new WeakMap()) as WeakMap<object, KeptRecords>;

/** The kept records by post id, each with the key it was made for. */
function previewRecordsOf(components: object): KeptRecords {
  let kept = previewRecords.get(components);
  if (kept === undefined) {
    kept = new Map();
    previewRecords.set(components, kept);
  }
  return kept;
}

/**
 * What a post's record depends on besides the components: its file (the loader's digest), the
 * HTML the loader rendered for posts without MDX (which changes with the Markdown settings too),
 * its address and its description.
 */
const previewRecordKey = (post: Post, link: string): string =>
  [post.id, String(post.digest ?? ''), post.rendered === undefined ? '' : cacheKey(post.rendered.html), link, post.data.description ?? ''].join('\0');

/**
 * The post's record: the kept one while its key is the same, else `make`'s, kept for the next
 * reload. `components` are the MDX components the records are rendered with (src/components/mdx.ts).
 */
export async function keptRecord(post: Post, link: string, components: object, make: () => Promise<PostRecord>): Promise<PostRecord> {
  const kept = previewRecordsOf(components);
  const key = previewRecordKey(post, link);
  const earlier = kept.get(post.id);
  if (earlier?.key === key) return earlier.record;
  const record = await make();
  kept.set(post.id, { key, record });
  return record;
}
