import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getCollection, render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { mdxComponents } from '../components/mdx.ts';
import { site } from '../site.ts';
import { paginate, type IndexPage } from './pagination.ts';
import {
  assertUniqueUrls,
  byNewestFirst,
  isPublished,
  neighbours,
  postUrl,
  type Post,
} from './posts.ts';
import { rawDateProblem } from './frontmatter.ts';
import { extractTeaser } from './teaser.ts';
import { plainSummary } from './summary.ts';
import { toFeedHtml } from './feed-html.ts';

/** The moment this build runs; one value so every page and feed agrees on what is published. */
const buildTime = new Date();

let published: Promise<Post[]> | undefined;

/** Every post readers may see, newest first. The one list used by index pages, articles and feeds. */
export function publishedPosts(): Promise<Post[]> {
  published ??= (async () => {
    const all = await getCollection('blog');
    await assertRealDates(all);
    assertUniqueUrls(all);
    return all.filter((post) => isPublished(post.data, buildTime)).sort(byNewestFirst);
  })();
  return published;
}

/** Fails the build naming the file when a post's raw `date:` is no real day (see rawDateProblem). */
async function assertRealDates(posts: readonly Post[]): Promise<void> {
  const problems = await Promise.all(
    posts.map(async (post) => {
      if (post.filePath === undefined) return undefined;
      const problem = rawDateProblem(await readFile(resolve(post.filePath), 'utf8'));
      return problem === undefined ? undefined : `${post.filePath}: ${problem}`;
    }),
  );
  const found = problems.filter((problem) => problem !== undefined);
  if (found.length > 0) throw new Error(`Fehler im Beitrag:\n${found.join('\n')}`);
}

let container: Promise<AstroContainer> | undefined;
const renderedHtml = new Map<string, Promise<string>>();

/**
 * The post's full article rendered to HTML, once per build, for teasers and feeds. URLs in it
 * are root-relative (`/blog/…`, `/_astro/…`).
 */
export function renderPostHtml(post: Post): Promise<string> {
  let html = renderedHtml.get(post.id);
  if (!html) {
    html = (async () => {
      container ??= loadRenderers([getContainerRenderer()]).then((renderers) =>
        AstroContainer.create({ renderers }),
      );
      const { Content } = await render(post);
      return (await container).renderToString(Content, { props: { components: mdxComponents } });
    })();
    renderedHtml.set(post.id, html);
  }
  return html;
}

/** The post's rendered teaser: the HTML before its `{/* more *\/}` marker, or its first paragraph. */
export async function teaserHtml(post: Post): Promise<string> {
  return extractTeaser(await renderPostHtml(post));
}

/** What a teaser on an index page needs. */
export interface TeaserEntry {
  post: Post;
  url: string;
  teaser: string;
}

/** Index pages of all published posts, each with its posts' rendered teasers. */
export async function indexPages(): Promise<IndexPage<TeaserEntry>[]> {
  const posts = await publishedPosts();
  const entries = await Promise.all(
    posts.map(async (post) => ({ post, url: postUrl(post), teaser: await teaserHtml(post) })),
  );
  return paginate(entries, site.postsPerPage);
}

/** Every published post with its URL and its newer and older neighbours, for the article pages. */
export async function articles(): Promise<
  { post: Post; url: string; description: string; newer: Post | undefined; older: Post | undefined }[]
> {
  const posts = await publishedPosts();
  return Promise.all(
    posts.map(async (post, index) => ({
      post,
      url: postUrl(post),
      description: post.data.description ?? plainSummary(await teaserHtml(post)),
      ...neighbours(posts, index),
    })),
  );
}

/** What every feed needs of a post: absolute URLs, teaser and full article with absolute links. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  /** Teaser HTML with absolute URLs. */
  description: string;
  /** Full article HTML with absolute URLs. */
  content: string;
  categories: string[];
  author?: string;
}

/** Feed items for all published posts, newest first. */
export async function feedItems(): Promise<FeedItem[]> {
  const posts = await publishedPosts();
  return Promise.all(
    posts.map(async (post) => {
      const link = new URL(postUrl(post), site.url).href;
      const html = await renderPostHtml(post);
      return {
        title: post.data.title,
        link,
        pubDate: post.data.date,
        description: toFeedHtml(extractTeaser(html), link),
        content: toFeedHtml(html, link),
        categories: post.data.tags,
        ...(post.data.author === undefined ? {} : { author: post.data.author }),
      };
    }),
  );
}
