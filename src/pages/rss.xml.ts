import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedItems } from '../lib/content.ts';
import { site } from '../site.ts';
import { ui } from '../i18n/de.ts';
import { rssItems } from '../lib/rss.ts';

/** RSS 2.0 feed of all published posts, newest first, with the full article as `content:encoded`. */
export const GET: APIRoute = async () =>
  rss({
    title: site.name,
    description: ui.feed.description,
    site: site.url,
    trailingSlash: true,
    customData: `<language>${site.feedLanguage}</language>`,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    items: rssItems(await feedItems()),
  });
