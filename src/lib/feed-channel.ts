import { site } from '../site.ts';
import { ui } from '../i18n/de.ts';
import { yearOf } from './dates.ts';
import type { FeedChannel } from './feeds.ts';

const absolute = (path: string) => new URL(path, site.url).href;

/** The channel of the site-wide feeds. */
export const siteFeedChannel = (): FeedChannel => ({
  title: site.name,
  description: ui.feed.description,
  link: absolute('/'),
  language: site.feedLanguage,
  feedLinks: { rss: absolute('/rss.xml'), atom: absolute('/atom.xml'), json: absolute('/feed.json') },
  copyright: ui.footer.copyright(yearOf(new Date()), site.cooperative),
});
