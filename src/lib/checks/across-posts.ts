import { toSlug } from '#lib/site/slugs.ts';
import { internalPath } from './links.ts';
import type { Problem } from './problem.ts';

// Checks that need several posts at once: topics spelt two ways, two posts at one address, old
// addresses that clash. Each post on its own is judged in body.ts and fields.ts.

/**
 * Warnings for topics that differ from another only in case, spelling of umlauts or punctuation
 * (`Open Source`, `open-source`): they would make two topic pages for one subject.
 */
export function similarTopics(posts: readonly { file: string; tags: readonly string[] }[]): Problem[] {
  const spellings = new Map<string, Map<string, string[]>>();
  for (const post of posts) {
    for (const tag of post.tags) {
      // `Open Source`, `open-source` and `OpenSource` are one subject.
      const key = toSlug(tag).replace(/-/g, '');
      const byKey = spellings.get(key) ?? new Map<string, string[]>();
      byKey.set(tag, [...(byKey.get(tag) ?? []), post.file]);
      spellings.set(key, byKey);
    }
  }
  const problems: Problem[] = [];
  for (const byKey of spellings.values()) {
    if (byKey.size < 2) continue;
    // The spelling most posts use is taken as the intended one; on a tie, the one seen first.
    const ranked = [...byKey.entries()].sort((a, b) => b[1].length - a[1].length);
    const [preferred] = ranked[0]!;
    for (const [variant, files] of ranked.slice(1)) {
      for (const file of files) {
        problems.push({
          file,
          field: 'tags',
          message: `Thema „${variant}“ unterscheidet sich nur in der Schreibweise von „${preferred}“; erwartet wird dieselbe Schreibweise`,
          severity: 'warning',
        });
      }
    }
  }
  return problems;
}

/** Errors for posts that would be published at the same URL, naming the other file. */
export function duplicateUrls(posts: readonly { file: string; url: string }[]): Problem[] {
  const byUrl = new Map<string, string[]>();
  for (const post of posts) byUrl.set(post.url, [...(byUrl.get(post.url) ?? []), post.file]);
  const problems: Problem[] = [];
  for (const [url, files] of byUrl) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((other) => other !== file).join(', ');
      problems.push({
        file,
        message: `gleiche Adresse ${url} wie ${others}; erwartet wird ein eigener Dateiname (oder ein anderes Jahr)`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/** Errors for old addresses (`aliases`) that are pages of the site or claimed by two posts. */
export function aliasConflicts(
  posts: readonly { file: string; aliases: readonly string[] }[],
  knownPaths: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const claimed = new Map<string, string>();
  for (const post of posts) {
    for (const alias of post.aliases) {
      const path = internalPath(alias) ?? alias;
      const other = claimed.get(path);
      if (knownPaths.has(path)) {
        problems.push({
          file: post.file,
          field: 'aliases',
          message: `${alias} ist eine bestehende Seite; erwartet wird eine alte Adresse, die es nicht mehr gibt`,
          severity: 'error',
        });
      } else if (other !== undefined && other !== post.file) {
        for (const [file, rival] of [
          [post.file, other],
          [other, post.file],
        ] as const) {
          problems.push({
            file,
            field: 'aliases',
            message: `${alias} ist auch eine alte Adresse von ${rival}; erwartet wird, dass jede alte Adresse zu genau einem Beitrag führt`,
            severity: 'error',
          });
        }
      } else {
        claimed.set(path, post.file);
      }
    }
  }
  return problems;
}
