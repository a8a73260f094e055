import { ui } from '#src/i18n/de.ts';
import { pageUrl } from '#lib/site/pagination.ts';
import { topicFeedUrl, topicUrl } from '#lib/content/topics.ts';

/** The site's fixed addresses: every page, feed and menu links here, never to a literal. */
export const paths = {
  home: '/',
  rss: '/rss.xml',
  atom: '/atom.xml',
  json: '/feed.json',
  imprint: '/impressum/',
  privacy: '/datenschutz/',
  topics: '/themen/',
  archive: '/archiv/',
  search: '/suche/',
} as const;

/**
 * The web editor (Decap CMS, src/lib/cms/): its page, the configuration it loads and the folder of
 * its own scripts. Not part of the site readers see: no menu, sitemap or search links here.
 */
export const editorPaths = {
  page: '/admin/',
  config: '/admin/config.json',
  assets: '/admin/decap/',
  /** The one script of the editor's bundle that the page loads; it loads its chunks itself. */
  script: '/admin/decap/decap-cms.js',
} as const;

/** Pages that exist whatever the content. */
export const STATIC_PATHS: readonly string[] = Object.values(paths);

/** The main menu of every page's header, in order: address and label. */
export const mainMenu = [
  { href: paths.home, label: ui.nav.blog },
  { href: paths.topics, label: ui.nav.topics },
  { href: paths.archive, label: ui.nav.archive },
  { href: paths.search, label: ui.nav.search },
  { href: paths.rss, label: ui.nav.feed },
] as const;

/** The footer's legal links. */
export const legalMenu = [
  { href: paths.imprint, label: ui.legal.imprint.title },
  { href: paths.privacy, label: ui.legal.privacy.title },
] as const;

/** URL of an author's page. */
export const authorUrl = (id: string): string => `/autor/${id}/`;

/** What the site is built from, as far as its URLs go. */
export interface RouteFacts {
  postUrls: readonly string[];
  /** Number of index pages (`/`, `/seite/2/`, …). */
  indexPages: number;
  authorIds: readonly string[];
  /** Files in public/, as URL paths (`/favicon.svg`). */
  publicFiles?: readonly string[];
  /** Topics with their number of pages (`/thema/<slug>/`, `/thema/<slug>/seite/2/`, …). */
  topics?: readonly { slug: string; pages: number }[];
}

/**
 * Every URL path the built site serves for this content. Editors' internal links are checked
 * against it before the build, so a link to a page that does not exist fails early.
 */
export function sitePaths(facts: RouteFacts): Set<string> {
  const paths = new Set<string>(STATIC_PATHS);
  for (let n = 2; n <= facts.indexPages; n++) paths.add(pageUrl(n));
  for (const url of facts.postUrls) paths.add(url);
  for (const id of facts.authorIds) paths.add(authorUrl(id));
  for (const file of facts.publicFiles ?? []) paths.add(file);
  for (const topic of facts.topics ?? []) {
    for (let n = 1; n <= Math.max(1, topic.pages); n++) paths.add(topicUrl(topic.slug, n));
    paths.add(topicFeedUrl(topic.slug));
  }
  return paths;
}
