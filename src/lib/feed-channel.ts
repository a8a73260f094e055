import { site } from '../site.ts';
import { ui } from '../i18n/de.ts';
import { yearOf } from './dates.ts';
import type { FeedChannel } from './feeds.ts';
import { paths } from './routes.ts';

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
