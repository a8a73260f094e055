import { Feed } from 'feed';
import type { FeedItem } from './content.ts';

/** What describes a feed besides its items. */
export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the site (or topic page) the feed belongs to. */
  link: string;
  language: string;
  /** Absolute URLs of the same items as RSS, Atom and JSON Feed. */
  feedLinks: { rss: string; atom: string; json: string };
  /** Rights statement, e.g. "© 2026 Hostsharing eG". */
  copyright: string;
}

/**
 * Atom and JSON Feed of the same items as the RSS feed, via the `feed` library: newest first,
 * teaser as summary, the full article as content, every URL absolute. Each item's id is its
 * permanent URL, the same guid as in RSS, so readers never see a post twice.
 */
export function buildFeed(channel: FeedChannel, items: readonly FeedItem[]): Feed {
  const feed = new Feed({
    id: channel.link,
    title: channel.title,
    description: channel.description,
    link: channel.link,
    language: channel.language,
    copyright: channel.copyright,
    feedLinks: channel.feedLinks,
    generator: false,
    // The newest change of any item, so the feed's date changes only when content does.
    updated: items.reduce<Date | undefined>((latest, item) => (latest && latest > item.updated ? latest : item.updated), undefined) ?? new Date(0),
  });
  for (const item of items) {
    feed.addItem({
      id: item.link,
      title: item.title,
      link: item.link,
      date: item.updated,
      published: item.pubDate,
      description: item.description,
      content: item.content,
      category: item.categories.map((name) => ({ name })),
      ...(item.author === undefined ? {} : { author: [{ name: item.author }] }),
    });
  }
  return feed;
}
