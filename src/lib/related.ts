import { toSlug } from './slugs.ts';

/** What relating posts needs: topics and the publication day. */
interface Relatable {
  data: { tags: readonly string[]; date: Date };
}

/**
 * Up to `max` posts that share topics with `post`: most shared topics first, then the most
 * recent. Posts without a shared topic are not related, however recent.
 */
export function relatedPosts<T extends Relatable>(post: T, candidates: readonly T[], max = 3): T[] {
  const topics = new Set(post.data.tags.map(toSlug));
  return candidates
    .filter((other) => other !== post)
    .map((other) => ({ other, shared: new Set(other.data.tags.map(toSlug).filter((slug) => topics.has(slug))).size }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || b.other.data.date.getTime() - a.other.data.date.getTime())
    .slice(0, max)
    .map(({ other }) => other);
}
