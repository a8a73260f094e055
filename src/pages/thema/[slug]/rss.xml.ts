import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { feedItems, topics } from '#lib/content/collection.ts';
import { rssFeed, topicFeedChannel } from '#lib/feeds/feeds.ts';
import { withPageKeys } from '#lib/build/page-keys.ts';

// The items are props, not made in GET, so that the path's cache key covers what the feed shows.
export const getStaticPaths = (async () =>
  withPageKeys(
    await Promise.all(
      (await topics()).map(async (topic) => ({
        params: { slug: topic.slug },
        props: { channel: topicFeedChannel(topic), items: await feedItems(topic.posts) },
      })),
    ),
  )) satisfies GetStaticPaths;

/** RSS feed of one topic: its published posts, newest first, like /rss.xml. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) => rssFeed(props.channel, props.items);
