import type { CollectionEntry } from 'astro:content'; // type-only: unit tests need no Astro
import { toDayKey, yearOf } from '#lib/site/dates.ts';
import { slugFromPath } from '#lib/site/slugs.ts';

export type Post = CollectionEntry<'blog'>;

/** The frontmatter fields that decide whether and where a post is published. */
type PublishFacts = Pick<Post['data'], 'date' | 'draft'>;

/** Where the build's first step leaves the moment of the build, so every later step uses the same. */
export const BUILD_TIME_ENV = 'BLOG_BUILD_TIME';

/**
 * The moment of this build: the one the content check chose (`BLOG_BUILD_TIME`), so the check,
 * the collection, the pages and the feeds agree on what is published even across midnight; or now.
 * Set before `npm run build`, it builds the site as of that moment.
 */
export const buildTime = (env: NodeJS.ProcessEnv = process.env): Date => {
  const fixed = env[BUILD_TIME_ENV];
  return fixed ? new Date(fixed) : new Date();
};

/** Visible to readers at `now`: never drafts; a post dated in the future from its day (Europe/Berlin) on. */
export const isPublished = (data: PublishFacts, now: Date): boolean =>
  !data.draft && toDayKey(data.date) <= toDayKey(now);

/** URL slug of a post, from its file name. */
export const postSlug = (post: Pick<Post, 'id'>): string => slugFromPath(post.id);

/** Article URL: `/blog/<year>/<slug>/`, the year of publication in Europe/Berlin. */
export const postUrl = (post: { id: string; data: Pick<Post['data'], 'date'> }): string =>
  `/blog/${yearOf(post.data.date)}/${postSlug(post)}/`;

/** Newest first; posts of the same day by title, so the order never depends on file order. */
export const byNewestFirst = (a: { data: Pick<Post['data'], 'date' | 'title'> }, b: { data: Pick<Post['data'], 'date' | 'title'> }): number =>
  b.data.date.getTime() - a.data.date.getTime() ||
  a.data.title.localeCompare(b.data.title, 'de');

/** The posts around `index` in a newest-first list. */
export function neighbours<T>(posts: readonly T[], index: number): { newer: T | undefined; older: T | undefined } {
  return { newer: index > 0 ? posts[index - 1] : undefined, older: posts[index + 1] };
}
