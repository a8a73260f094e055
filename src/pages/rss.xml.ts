import type { APIRoute } from 'astro';
import { feedItems } from '#lib/content/collection.ts';
import { rssFeed, siteFeedChannel } from '#lib/feeds/feeds.ts';

/** RSS 2.0 feed of all published posts, newest first, with the full article as `content:encoded`. */
export const GET: APIRoute = async () => rssFeed(siteFeedChannel(), await feedItems());
