import type { APIRoute } from 'astro';
import { feedItems } from '#lib/content/collection.ts';
import { jsonFeed, siteFeedChannel } from '#lib/feeds/feeds.ts';

/** JSON Feed 1.1: the same items as /rss.xml. */
export const GET: APIRoute = async () => jsonFeed(siteFeedChannel(), await feedItems());
