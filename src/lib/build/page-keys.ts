import { createHash } from 'node:crypto';
import { site } from '#src/site.ts';
import { buildTime } from '#lib/content/posts.ts';
import { toDayKey } from '#lib/site/dates.ts';

/**
 * Cache keys of prerendered paths, for Astro's incremental builds (`experimental.incrementalBuild`
 * in astro.config.mjs). Astro reuses a path's previous output when its route's code (the module
 * graph, hashed by Astro), its cache key and the config and lockfile are unchanged; so a key must
 * cover every value the page shows that is not code: its props, and the few facts every page
 * reads at build time.
 */

/**
 * What every page may show besides its props: the day of the build in Europe/Berlin (the footer's
 * year; which posts are published is in the props) and the site's address (SITE_URL may change it
 * without a change to the code).
 */
const buildContext = (): unknown => ({ day: toDayKey(buildTime()), siteUrl: site.url });

/** A content entry as a page can show it: its frontmatter (data) and id, not its source or body. */
interface EntryLike {
  id: string;
  collection: string;
  data: unknown;
}

const isEntry = (value: unknown): value is EntryLike =>
  typeof value === 'object' && value !== null && 'collection' in value && 'data' in value && 'id' in value;

/**
 * A key of `props`: a hash of them as JSON, with each content entry in them (a post, an author)
 * cut down to collection, id and frontmatter. What a page shows of a post's body comes through
 * its record (HTML, teaser) in the props too, so an edit to one post's text changes the keys of
 * exactly the pages that show that text.
 */
export function pageKey(props: unknown): string {
  const json = JSON.stringify([buildContext(), props], (_, value: unknown) =>
    isEntry(value) ? { collection: value.collection, id: value.id, data: value.data } : value,
  );
  return createHash('sha256').update(json).digest('base64url');
}

/**
 * `getStaticPaths()` results with a cache key from each path's props. `npm run dev` renders each
 * request anew and needs none: hashing every article's HTML on each edit would only slow it down.
 */
export const withPageKeys = <T extends { props: unknown }>(paths: readonly T[]): (T & { cacheKey?: string })[] =>
  import.meta.env?.BLOG_PREVIEW === true ? [...paths] : paths.map((path) => ({ ...path, cacheKey: pageKey(path.props) }));
