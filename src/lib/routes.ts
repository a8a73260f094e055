import { pageUrl } from './pagination.ts';
import { topicFeedUrl, topicUrl } from './topics.ts';

/** Pages that exist whatever the content. */
export const STATIC_PATHS = [
  '/',
  '/rss.xml',
  '/atom.xml',
  '/feed.json',
  '/impressum/',
  '/datenschutz/',
  '/themen/',
  '/archiv/',
  '/suche/',
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
