/**
 * `astro dev` on a corpus, as an editor uses it: how long until the first page is served, and
 * how long from saving a post until the edit is on its page.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { postUrl } from '#lib/content/posts.ts';
import { parseDay } from '#lib/site/dates.ts';
import type { CorpusPost } from './corpus.ts';

export interface DevSample {
  /** From starting the server to the first complete answer of `/`. */
  firstPageMs: number;
  /** From writing the edited post to the first answer of its article that shows the edit. */
  editVisibleMs: number;
}

const POLL_MS = 25;
const TIMEOUT_MS = 180_000;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** The page's HTML once it answers 200 (and `accept` agrees), polling; fails after the timeout. */
async function waitFor(url: string, accept: (html: string) => boolean = () => true): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS;
  while (performance.now() < deadline) {
    try {
      const response = await fetch(url);
      const html = await response.text();
      if (response.ok && accept(html)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`${url}: no answer within ${TIMEOUT_MS / 1000} s`);
}

/** The article URL of a generated post, as the site derives it (src/lib/content/posts.ts). */
const articleUrl = (post: CorpusPost): string =>
  postUrl({ id: post.path.replace(/\.mdx$/, ''), data: { date: parseDay(post.day) ?? new Date(post.day) } });

/** One `astro dev` session of `project` on the corpus in `corpusDir`, editing `edited`. */
export async function measureDev(project: string, corpusDir: string, cacheDir: string, edited: CorpusPost): Promise<DevSample> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', BLOG_CONTENT_DIR: corpusDir, ASTRO_CACHE_DIR: cacheDir },
    stdio: 'ignore',
    detached: true,
  });
  const file = join(corpusDir, edited.path);
  const original = readFileSync(file, 'utf8');
  try {
    await waitFor(`${base}/`);
    const firstPageMs = performance.now() - started;
    const url = `${base}${articleUrl(edited)}`;
    await waitFor(url);
    const marker = `Messpunkt ${Date.now()}`;
    const saved = performance.now();
    writeFileSync(file, `${original}\n${marker}: ein Satz, der im Browser erscheinen soll.\n`);
    await waitFor(url, (html) => html.includes(marker));
    return { firstPageMs, editVisibleMs: performance.now() - saved };
  } finally {
    writeFileSync(file, original);
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
