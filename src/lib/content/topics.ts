import { toSlug } from '#lib/site/slugs.ts';

/** URL of page `n` of a topic: `/thema/<slug>/`, then `/thema/<slug>/seite/<n>/`. */
export const topicUrl = (slug: string, n = 1): string => (n <= 1 ? `/thema/${slug}/` : `/thema/${slug}/seite/${n}/`);

/** URL of a topic's RSS feed. */
export const topicFeedUrl = (slug: string): string => `/thema/${slug}/rss.xml`;

/** A topic with the posts that carry it, in the order given. */
export interface Topic<T> {
  slug: string;
  /** Display name: the spelling the first post uses. */
  name: string;
  posts: T[];
}

/**
 * Groups posts (in display order) by topic. Spellings that share a slug (`Open Source`,
 * `open-source`) are one topic, so there is never a second page for the same subject.
 * Topics come sorted by name (German collation).
 */
export function groupByTopic<T>(posts: readonly T[], tagsOf: (post: T) => readonly string[]): Topic<T>[] {
  const topics = new Map<string, Topic<T>>();
  const spellings = new Map<string, Map<string, number>>();
  for (const post of posts) {
    for (const tag of new Set(tagsOf(post).map((t) => t.trim()))) {
      const slug = toSlug(tag);
      if (slug === '') continue;
      const topic = topics.get(slug) ?? { slug, name: tag, posts: [] };
      if (!topic.posts.includes(post)) topic.posts.push(post);
      topics.set(slug, topic);
      const counts = spellings.get(slug) ?? new Map<string, number>();
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
      spellings.set(slug, counts);
    }
  }
  // The name is the spelling most posts use; on a tie the one of the oldest post (posts come
  // newest first), so one new post with a typo never renames an established topic.
  for (const [slug, counts] of spellings) {
    let best: [string, number] | undefined;
    for (const entry of counts) if (!best || entry[1] >= best[1]) best = entry;
    topics.get(slug)!.name = best![0];
  }
  return [...topics.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** The topics of one post as slug and name, for links on teasers and articles. */
export const topicLinks = (tags: readonly string[]): { slug: string; name: string; url: string }[] =>
  [...new Map(tags.map((tag) => [toSlug(tag), tag.trim()])).entries()]
    .filter(([slug]) => slug !== '')
    .map(([slug, name]) => ({ slug, name, url: topicUrl(slug) }));
