/** Writes a generated corpus to disk; images are rendered from their SVG to PNG with sharp. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { CORPUS_VERSION, type CorpusPost } from './corpus.ts';

const STAMP = '.bench-corpus.json';

/**
 * Writes `posts` into `dir`. A folder that already holds the same corpus (same version, seed and
 * size, per its stamp file) is only refreshed: sources are rewritten, existing images kept, so
 * repeated benchmark runs do not spend minutes rendering PNGs.
 */
export async function writeCorpus(dir: string, posts: readonly CorpusPost[], seed: number): Promise<void> {
  const stamp = JSON.stringify({ version: CORPUS_VERSION, seed, count: posts.length });
  const stampFile = join(dir, STAMP);
  const reuse = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  if (!reuse) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pending: Promise<unknown>[] = [];
  for (const post of posts) {
    const file = join(dir, post.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, post.source);
    for (const image of post.images) {
      const target = join(dir, image.path);
      if (reuse && existsSync(target)) continue;
      pending.push(sharp(Buffer.from(image.svg)).png().toFile(target));
      // Bound the work in flight; sharp runs it on its own threads.
      if (pending.length >= 8) await Promise.all(pending.splice(0));
    }
  }
  await Promise.all(pending);
  writeFileSync(stampFile, stamp);
}
