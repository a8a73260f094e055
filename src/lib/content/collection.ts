import { getCollection, type CollectionEntry } from 'astro:content';
import { site } from '#src/site.ts';
import { paginate, type IndexPage } from '#lib/site/pagination.ts';
import { buildTime, byNewestFirst, isPublished, neighbours, postUrl, type Post } from '#lib/content/posts.ts';
import { keptRecord, previewProblems } from '#lib/content/preview.ts';
import { relatedFinder } from '#lib/content/related.ts';
import type { TocEntry } from '#lib/markdown/toc.ts';
import { mdxComponents, renderPost } from '#lib/render/render.ts';
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

/**
 * The content check's problems in `npm run dev` (src/lib/content/preview.ts), for the box on every
 * page. Taken through this module, as before the preview's own module existed: Vite links the
 * stylesheet of the posts' note boxes to what imports the collection, so every page keeps its
 * stylesheets and the build its output (tests/build/same-output.test.ts).
 */
export { previewProblems };

/** `npm run dev`: every post, drafts and scheduled ones included, except those with errors. */
async function previewPosts(): Promise<Post[]> {
  const broken = new Set((await previewProblems()).map((problem) => problem.file));
  return (await getCollection('blog')).filter((post) => !broken.has(post.filePath ?? '')).sort(byNewestFirst);
}

/** Whether a post is shown only because this is `npm run dev`: a draft or a scheduled post. */
export const isPreviewOnly = (post: Post): boolean => !isPublished(post.data, now);

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
  const make = async () => derivePostRecord(await renderPost(post), link, post.data.description);
  return showUnpublished ? keptRecord(post, link, mdxComponents, make) : make();
});

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
