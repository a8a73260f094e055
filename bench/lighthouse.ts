/**
 * Lighthouse benchmark (not a test: the performance score depends on the machine): builds the
 * site, serves it with Apache and its .htaccess on loopback, and runs Lighthouse with Debian's
 * Chromium on mobile settings (Lighthouse's default: a mid-range phone, slow 4G simulated) for
 * the home page, an article with a cover image, an article without one, and the search page.
 * Prints the four category scores per page and marks every score below 100; writes the
 * scores to bench/results/lighthouse-<date>-<commit>.json.
 *
 *   npm run bench:lighthouse
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { htmlPages, readPage } from '../tests/build/helpers.ts';
import { buildAndServe } from './apache-site.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Lab metrics shown beside the scores (simulated throttling): audit id and column name. */
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['total-byte-weight', 'bytes'],
] as const;

const { outDir, server } = await buildAndServe('bench-lighthouse');
const profile = mkdtempSync(join(tmpdir(), 'blog-lighthouse-'));
let chrome: chromeLauncher.LaunchedChrome | undefined;
const rows: Record<string, string | number>[] = [];
const results: { path: string; scores: Record<string, number>; failing: string[]; metrics: Record<string, string> }[] = [];
try {
  const articles = htmlPages(outDir).filter((path) => /^\/blog\/\d{4}\/[^/]+\/$/.test(path));
  const withCover = articles.find((path) => readPage(outDir, path).querySelector('main header picture') !== null);
  const withoutCover = articles.find((path) => readPage(outDir, path).querySelector('main header picture') === null);
  if (!withCover || !withoutCover) throw new Error('the content needs an article with and one without a cover image');
  const pages = ['/', withCover, withoutCover, '/suche/'];
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`],
    userDataDir: false,
  });
  for (const path of pages) {
    console.log(`Lighthouse ${path} …`);
    const result = await lighthouse(`${server.origin}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
    const { categories, audits } = result.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]));
    // Audits that cost points: those with a score below 1 that count towards a category.
    const weighted = new Set(CATEGORIES.flatMap((id) => (categories[id]?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => ref.id)));
    const failing = Object.values(audits)
      .filter((audit) => weighted.has(audit.id) && audit.score !== null && audit.score < 1)
      .map((audit) => `${audit.id} (${audit.displayValue ?? audit.score})`);
    const metrics = Object.fromEntries(
      METRICS.map(([id, label]) => [label, audits[id]?.displayValue ?? '?']),
    );
    results.push({ path, scores, failing, metrics });
    rows.push({ page: path, ...scores, ...metrics, 'below 1': failing.join(', ') || '–' });
  }
} finally {
  chrome?.kill();
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}

console.log('\nLighthouse, mobile settings (simulated slow 4G, mid-range phone), Chromium, via Apache:');
console.table(rows);
const missed = results.filter((result) => Object.values(result.scores).some((score) => score < 100));
console.log(missed.length === 0 ? 'All pages score 100 in all four categories.' : `Below 100: ${missed.map((m) => m.path).join(', ')}`);

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const dir = join(ROOT, 'bench/results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `lighthouse-${new Date().toISOString().slice(0, 10)}-${commit}.json`);
writeFileSync(file, `${JSON.stringify({ commit, chromium: CHROMIUM_PATH, results }, null, 2)}\n`);
console.log(`Results: ${file}`);
