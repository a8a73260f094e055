import type { APIRoute } from 'astro';
import { feedItems } from '#lib/content/collection.ts';
import { atomFeed, siteFeedChannel } from '#lib/feeds/feeds.ts';

/** Atom 1.0 feed: the same items as /rss.xml. */
export const GET: APIRoute = async () => atomFeed(siteFeedChannel(), await feedItems());
