import type { APIRoute } from 'astro';
import { feedItems } from '../lib/content.ts';
import { buildFeed } from '../lib/feeds.ts';
import { siteFeedChannel } from '../lib/feed-channel.ts';

/** JSON Feed 1.1: the same items as /rss.xml. */
export const GET: APIRoute = async () =>
  new Response(buildFeed(siteFeedChannel(), await feedItems()).json1(), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
