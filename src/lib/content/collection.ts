import { getCollection, type CollectionEntry } from 'astro:content';
import { site } from '#src/site.ts';
import { paginate, type IndexPage } from '#lib/site/pagination.ts';
import { buildTime, byNewestFirst, isPublished, neighbours, postUrl, type Post } from '#lib/content/posts.ts';
import { formatProblem, type Problem } from '#lib/checks/problem.ts';
import { checkContent } from '#lib/checks/content.ts';
import { contentPaths, readContentFromDisk } from '#lib/content/source.ts';
import { listFiles } from '#lib/content/files.ts';
import { toDayKey } from '#lib/site/dates.ts';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir, cacheKey } from '#lib/build/cache.ts';
import { mdxComponents } from '#src/components/mdx.ts';
import { relatedFinder } from '#lib/content/related.ts';
import type { TocEntry } from '#lib/markdown/toc.ts';
import { renderPost } from '#lib/render/render.ts';
import { derivePostRecord, type PostRecord } from '#lib/render/record.ts';
import { groupByTopic, topicUrl, type Topic } from '#lib/content/topics.ts';
import { groupByMonth, type ArchiveYear } from '#lib/content/archive.ts';

export type Author = CollectionEntry<'authors'>;

// The only module that reads the collections. Everything is computed once per build.

/** The moment this build runs; one value so every page and feed agrees on what is published. */
const now = buildTime();

/** `npm run dev` shows drafts and scheduled posts (with a badge); a build never does. */
const showUnpublished = import.meta.env.BLOG_PREVIEW === true;

let published: Promise<Post[]> | undefined;

/**
 * Every post readers may see, newest first: the one list behind index pages, articles and feeds.
 * A build has checked every post before (src/integration/content-check.ts).
 */
export function publishedPosts(): Promise<Post[]> {
  if (showUnpublished) return previewPosts();
  published ??= (async () =>
    (await getCollection('blog')).filter((post) => isPublished(post.data, now)).sort(byNewestFirst))();
  return published;
}

/** `npm run dev`: every post, drafts and scheduled ones included, except those with errors. */
async function previewPosts(): Promise<Post[]> {
  const broken = new Set((await previewProblems()).map((problem) => problem.file));
  return (await getCollection('blog')).filter((post) => !broken.has(post.filePath ?? '')).sort(byNewestFirst);
}

/** Whether a post is shown only because this is `npm run dev`: a draft or a scheduled post. */
export const isPreviewOnly = (post: Post): boolean => !isPublished(post.data, now);

/**
 * The content check's problems in `npm run dev`, where the build's first step (the content check
 * integration) does not run: posts with errors are left out of the preview, and every page names
 * them (src/components/PreviewProblems.astro), so one broken post never takes the others down.
 * Printed to the terminal once per change.
 */
export function previewProblems(): Promise<Problem[]> {
  if (!showUnpublished) return Promise.resolve([]);
  // One page asks several times (its lists, its neighbours, the box on top): one check serves
  // every call within a moment, so a request reads the content once, and an edit shows on reload.
  if (previewCheck === undefined || Date.now() - previewCheck.at > PREVIEW_CHECK_REUSE_MS) {
    previewCheck = { at: Date.now(), result: runPreviewCheck() };
  }
  return previewCheck.result;
}

/** How long one run of the preview's content check answers for. */
const PREVIEW_CHECK_REUSE_MS = 1_000;

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

let authorsById: Promise<Map<string, Author>> | undefined;

/** The author of a post, if it names one (unknown ids fail in publishedPosts). */
export async function authorOf(post: Post): Promise<Author | undefined> {
  authorsById ??= getCollection('authors').then((people) => new Map(people.map((person) => [person.id, person])));
  return post.data.author === undefined ? undefined : (await authorsById).get(post.data.author);
}

/** `make`, called at most once per post and build; later calls get the first call's promise. */
function oncePerPost<T>(make: (post: Post) => Promise<T>): (post: Post) => Promise<T> {
  const made = new Map<string, Promise<T>>();
  return (post) => {
    let result = made.get(post.id);
    if (result === undefined) {
      result = make(post);
      made.set(post.id, result);
    }
    return result;
  };
}

/**
 * A post rendered once per build, and everything derived from it (teaser, reading time, table of
 * contents, description, feed HTML): a post appears on its article page, index, topic and
 * author pages and in feeds, and each of them takes what it needs from this one record.
 */
const postRecord = oncePerPost(async (post): Promise<PostRecord> => {
  const link = new URL(postUrl(post), site.url).href;
  if (!showUnpublished) return derivePostRecord(await renderPost(post), link, post.data.description);
  const kept = previewRecordsOf(mdxComponents);
  const key = previewRecordKey(post, link);
  const earlier = kept.get(post.id);
  if (earlier?.key === key) return earlier.record;
  const record = derivePostRecord(await renderPost(post), link, post.data.description);
  kept.set(post.id, { key, record });
  return record;
});

/**
 * `npm run dev` reloads this module on every edit of a post, and with it every record; the records
 * of the posts that did not change are kept here, across reloads, so an edit renders one post
 * again, not all of them. Per set of MDX components: a change to Note.astro loads new ones and
 * starts afresh. A build never uses this (each build renders every post once).
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

/** What a teaser on an index page needs. */
export interface TeaserEntry {
  post: Post;
  url: string;
  teaser: string;
  /** Reading time of the whole article in minutes. */
  minutes: number;
  /** Shown only in `npm run dev`: a draft or scheduled post. */
  previewOnly: boolean;
}

/** Teaser entries for posts, in the order given. */
export const teaserEntries = (posts: readonly Post[]): Promise<TeaserEntry[]> =>
  Promise.all(
    posts.map(async (post) => ({
      post,
      url: postUrl(post),
      teaser: (await postRecord(post)).teaser,
      minutes: (await postRecord(post)).minutes,
      previewOnly: isPreviewOnly(post),
    })),
  );

/** Index pages of all published posts, each with its posts' rendered teasers. */
export async function indexPages(): Promise<IndexPage<TeaserEntry>[]> {
  return paginate(await teaserEntries(await publishedPosts()), site.postsPerPage);
}

/** Everything an article page shows besides the post itself. */
export interface ArticleEntry {
  post: Post;
  url: string;
  /** The rendered article (see `postRecord`): the page shows this instead of rendering again. */
  html: string;
  description: string;
  author: Author | undefined;
  newer: Post | undefined;
  older: Post | undefined;
  previewOnly: boolean;
  minutes: number;
  /** Up to three posts sharing topics, most shared first. */
  related: Post[];
  /** Subheadings for the table of contents (shown from three on). */
  toc: TocEntry[];
}

/** Every published post with its URL, description, author and its newer and older neighbours. */
export function articles(): Promise<ArticleEntry[]> {
  articleEntries ??= articleEntriesOf();
  return articleEntries;
}

let articleEntries: Promise<ArticleEntry[]> | undefined;

async function articleEntriesOf(): Promise<ArticleEntry[]> {
  const posts = await publishedPosts();
  const related = relatedFinder(posts);
  return Promise.all(
    posts.map(async (post, index) => {
      const facts = await postRecord(post);
      return {
        post,
        url: postUrl(post),
        html: facts.html,
        description: facts.description,
        author: await authorOf(post),
        previewOnly: isPreviewOnly(post),
        minutes: facts.minutes,
        related: related(post),
        toc: facts.toc,
        ...neighbours(posts, index),
      };
    }),
  );
}

/** What every feed needs of a post: absolute URLs, teaser and full article with absolute links. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  /** Last substantial change (`updated`), or the publication date. */
  updated: Date;
  /** Teaser HTML with absolute URLs. */
  description: string;
  /** Full article HTML with absolute URLs. */
  content: string;
  categories: string[];
  author?: string;
}

/** A post as a feed item, made once per build: the site's feeds and topic feeds share items. */
const feedItemOf = oncePerPost(async (post): Promise<FeedItem> => {
  const link = new URL(postUrl(post), site.url).href;
  const { feed } = await postRecord(post);
  const author = await authorOf(post);
  return {
    title: post.data.title,
    link,
    pubDate: post.data.date,
    updated: post.data.updated ?? post.data.date,
    description: feed.teaser,
    content: feed.content,
    categories: post.data.tags,
    ...(author === undefined ? {} : { author: author.data.name }),
  };
});

/**
 * Feed items for the newest `site.feedItems` of `posts` (all published posts by default), newest
 * first. Readers poll feeds for what is new; the archive holds the rest.
 */
export async function feedItems(posts?: readonly Post[]): Promise<FeedItem[]> {
  posts ??= await publishedPosts();
  return Promise.all(posts.slice(0, site.feedItems).map(feedItemOf));
}

/** Each author with their published posts as teasers, for the author pages. */
export async function authorPages(): Promise<{ author: Author; entries: TeaserEntry[] }[]> {
  const [posts, people] = await Promise.all([publishedPosts(), getCollection('authors')]);
  return Promise.all(
    people.map(async (author) => ({
      author,
      entries: await teaserEntries(posts.filter((post) => post.data.author === author.id)),
    })),
  );
}

/** Old addresses of published posts and where they lead now, for redirect pages and `.htaccess`. */
export async function aliasRedirects(): Promise<{ from: string; to: string; post: Post }[]> {
  return (await publishedPosts()).flatMap((post) => post.data.aliases.map((from) => ({ from, to: postUrl(post), post })));
}

/** Every topic with its published posts, newest first within each topic. */
export async function topics(): Promise<Topic<Post>[]> {
  return groupByTopic(await publishedPosts(), (post) => post.data.tags);
}

/** A page of a topic: the topic's name and slug and a page of its teasers. */
export interface TopicPage {
  topic: Pick<Topic<Post>, 'slug' | 'name'> & { count: number };
  page: IndexPage<TeaserEntry>;
}

/** All pages of all topics, paginated like the blog index. */
export async function topicPages(): Promise<TopicPage[]> {
  const all = await topics();
  const pages = await Promise.all(
    all.map(async (topic) =>
      paginate(await teaserEntries(topic.posts), site.postsPerPage, (n) => topicUrl(topic.slug, n)).map((page) => ({
        topic: { slug: topic.slug, name: topic.name, count: topic.posts.length },
        page,
      })),
    ),
  );
  return pages.flat();
}

/** Published posts grouped by year and month for the archive. */
export async function archive(): Promise<ArchiveYear<{ post: Post; url: string }>[]> {
  return groupByMonth(
    (await publishedPosts()).map((post) => ({ post, url: postUrl(post) })),
    (entry) => entry.post.data.date,
  );
}

/** What the web editor offers as choices: every author, and the topics of published posts. */
export async function editorChoices(): Promise<{ authors: { id: string; name: string }[]; topics: string[] }> {
  const authors = (await getCollection('authors')).map((person) => ({ id: person.id, name: person.data.name }));
  return { authors: authors.sort((a, b) => a.name.localeCompare(b.name, 'de')), topics: (await topics()).map((topic) => topic.name) };
}
