import rss, { type RSSFeedItem } from '@astrojs/rss';
import { Feed } from 'feed';
import { site } from '#src/site.ts';
import { ui } from '#src/i18n/de.ts';
import type { FeedItem } from '#lib/content/collection.ts';
import { yearOf } from '#lib/site/dates.ts';
import { paths } from '#lib/site/routes.ts';
import { topicUrl, type Topic } from '#lib/content/topics.ts';
import { escapeXml } from '#lib/feeds/xml.ts';

// One set of feed options and one list of items make every feed: RSS 2.0 through @astrojs/rss
// (with the full article as content:encoded), Atom and JSON Feed through the `feed` library.

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

const absolute = (path: string) => new URL(path, site.url).href;

/** The channel of the site-wide feeds. */
export const siteFeedChannel = (): FeedChannel => ({
  title: site.name,
  description: ui.feed.description,
  link: absolute(paths.home),
  language: site.feedLanguage,
  feedLinks: { rss: absolute(paths.rss), atom: absolute(paths.atom), json: absolute(paths.json) },
  copyright: ui.footer.copyright(yearOf(new Date()), site.cooperative),
});

/** The channel of one topic's feed. */
export const topicFeedChannel = (topic: Pick<Topic<unknown>, 'name' | 'slug'>): FeedChannel => ({
  ...siteFeedChannel(),
  title: ui.feed.topicTitle(site.name, topic.name),
  description: ui.feed.topicDescription(topic.name),
  link: absolute(topicUrl(topic.slug)),
});

/**
 * RSS 2.0 of `items`. RSS wants an e-mail address in `<author>`, so the author's name goes into
 * `<dc:creator>` (the channel declares the `dc` namespace).
 */
export function rssFeed(channel: FeedChannel, items: readonly FeedItem[]): Promise<Response> {
  return rss({
    title: channel.title,
    description: channel.description,
    site: channel.link,
    trailingSlash: true,
    customData: `<language>${channel.language}</language>`,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    items: items.map(
      (item): RSSFeedItem => ({
        title: item.title,
        link: item.link,
        pubDate: item.pubDate,
        description: item.description,
        content: item.content,
        categories: item.categories,
        ...(item.author === undefined ? {} : { customData: `<dc:creator>${escapeXml(item.author)}</dc:creator>` }),
      }),
    ),
  });
}

/**
 * The same items for the `feed` library: newest first, teaser as summary, the full article as
 * content, every URL absolute. Each item's id is its permanent URL, the same guid as in RSS, so
 * readers never see a post twice.
 */
function libraryFeed(channel: FeedChannel, items: readonly FeedItem[]): Feed {
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

/** Atom 1.0 of `items`. */
export const atomFeed = (channel: FeedChannel, items: readonly FeedItem[]): Response =>
  new Response(libraryFeed(channel, items).atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });

/** JSON Feed 1.1 of `items`. */
export const jsonFeed = (channel: FeedChannel, items: readonly FeedItem[]): Response =>
  new Response(libraryFeed(channel, items).json1(), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
