import type { APIRoute } from 'astro';
import { feedItems } from '../lib/content.ts';
import { buildFeed } from '../lib/feeds.ts';
import { siteFeedChannel } from '../lib/feed-channel.ts';

/** Atom 1.0 feed: the same items as /rss.xml. */
export const GET: APIRoute = async () =>
  new Response(buildFeed(siteFeedChannel(), await feedItems()).atom1(), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
