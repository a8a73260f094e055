import type { APIRoute, GetStaticPaths } from 'astro';
import { feedItems, topics } from '#lib/content/collection.ts';
import { rssFeed, topicFeedChannel } from '#lib/feeds/feeds.ts';

export const getStaticPaths = (async () =>
  (await topics()).map((topic) => ({ params: { slug: topic.slug }, props: { topic } }))) satisfies GetStaticPaths;

/** RSS feed of one topic: its published posts, newest first, like /rss.xml. */
export const GET: APIRoute = async ({ props }) => {
  const { topic } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  return rssFeed(topicFeedChannel(topic), await feedItems(topic.posts));
};
