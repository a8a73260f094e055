import { toSlug } from '#lib/site/slugs.ts';

/** What relating posts needs: topics and the publication day. */
interface Relatable {
  data: { tags: readonly string[]; date: Date };
}

interface Ranked {
  shared: number;
  time: number;
  /** Position in the posts given: breaks ties between posts of the same day. */
  index: number;
}

/** Whether `a` ranks before `b`: more shared topics first, then the more recent post. */
const ranksBefore = (a: Ranked, b: Ranked): boolean =>
  a.shared !== b.shared ? a.shared > b.shared : a.time !== b.time ? a.time > b.time : a.index < b.index;

/**
 * A finder of related posts among `posts`: for a post, up to `max` others that share topics
 * with it, most shared topics first, then the most recent. Posts without a shared topic are not
 * related, however recent. Posts are indexed by topic once, so each lookup only visits posts of
 * its own topics instead of every post of the site.
 */
export function relatedFinder<T extends Relatable>(posts: readonly T[], max = 3): (post: T) => T[] {
  const topicsOf = (post: T): Set<string> => new Set(post.data.tags.map(toSlug));
  const byTopic = new Map<string, T[]>();
  const indexOf = new Map(posts.map((post, index) => [post, index]));
  for (const post of posts) {
    for (const topic of topicsOf(post)) {
      const members = byTopic.get(topic);
      if (members) members.push(post);
      else byTopic.set(topic, [post]);
    }
  }
  return (post) => {
    if (max <= 0) return [];
    const shared = new Map<T, number>();
    for (const topic of topicsOf(post)) {
      for (const other of byTopic.get(topic) ?? []) {
        if (other !== post) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    // Keeps the best `max` in order while scanning: no sort of every candidate.
    const best: (Ranked & { post: T })[] = [];
    for (const [other, count] of shared) {
      const candidate = { post: other, shared: count, time: other.data.date.getTime(), index: indexOf.get(other)! };
      if (best.length === max && !ranksBefore(candidate, best[max - 1]!)) continue;
      let at = best.length;
      while (at > 0 && ranksBefore(candidate, best[at - 1]!)) at -= 1;
      best.splice(at, 0, candidate);
      if (best.length > max) best.pop();
    }
    return best.map((entry) => entry.post);
  };
}
