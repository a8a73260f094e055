import type { RSSFeedItem } from '@astrojs/rss';
import type { FeedItem } from './content.ts';
import { escapeXml } from './xml.ts';

/**
 * Feed items as @astrojs/rss takes them. RSS 2.0 wants an e-mail address in `<author>`, so the
 * author's name goes into `<dc:creator>` (the channel declares the `dc` namespace).
 */
export const rssItems = (items: readonly FeedItem[]): RSSFeedItem[] =>
  items.map((item) => ({
    title: item.title,
    link: item.link,
    pubDate: item.pubDate,
    description: item.description,
    content: item.content,
    categories: item.categories,
    ...(item.author === undefined ? {} : { customData: `<dc:creator>${escapeXml(item.author)}</dc:creator>` }),
  }));
