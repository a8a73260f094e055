import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';

export interface SeedPost {
  title: string;
  /** As shown: `12.08.2022`. */
  date: string;
  paragraphs: string[];
}

/**
 * The page we rebuild (a copy of the cooperative's blog index): "Unser Blog", then per post a
 * title, "erschienen am DD.MM.YYYY", teaser paragraphs and "Weiterlesen", separated by blank lines.
 */
export function readSeed(): { heading: string; posts: SeedPost[] } {
  const blocks = readFileSync(join(ROOT, 'tests/fixtures/unser-blog.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  const heading = blocks.shift() ?? '';
  const posts: SeedPost[] = [];
  let current: SeedPost | undefined;
  let pendingTitle: string | undefined;
  for (const block of blocks) {
    const date = /^erschienen am (\d{2}\.\d{2}\.\d{4})$/.exec(block);
    if (date && pendingTitle !== undefined) {
      current = { title: pendingTitle, date: date[1]!, paragraphs: [] };
      posts.push(current);
      pendingTitle = undefined;
    } else if (block === 'Weiterlesen') {
      current = undefined;
    } else if (current) {
      current.paragraphs.push(block);
    } else {
      pendingTitle = block;
    }
  }
  return { heading, posts };
}
