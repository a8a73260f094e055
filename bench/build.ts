/**
 * Build benchmark: `npm run bench` (see `--help`). Generates German MDX corpora of several sizes,
 * builds the whole site and a minimal Astro baseline against each, side by side, and reports cold,
 * warm and one-post-changed builds, peak memory of the build's process tree, pages, output size
 * and the ratios to the baseline. Results are also written to `bench/results/`.
 *
 * The site is built with its `npm run build` script from a snapshot of the working tree (src/,
 * scripts/, public/, config) taken at start,
 * so edits made while the benchmark runs do not mix into its numbers, and the builds never touch
 * the repository's `.astro/`, `content/` or `dist/`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { writeBaselineProject } from './baseline.ts';
import { generateCorpus, editedSource, newestPost } from './corpus.ts';
import { writeCorpus } from './corpus-writer.ts';
import { measureDev, type DevSample } from './dev.ts';
import { outputStats, runMeasured, type OutputStats } from './measure.ts';
import { summariseProfile, type CpuProfile } from './profile.ts';
import {
  formatBytes,
  formatMs,
  formatRatio,
  markdownTable,
  median,
  parseBuildLog,
  parseSizes,
  type BuildLog,
} from './report.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

const HELP = `Usage: npm run bench -- [options]

  --sizes 100,1000,5000   post counts to build (env BENCH_SIZES)
  --runs 3                runs per size; medians are reported (env BENCH_RUNS)
  --seed 1                corpus seed (env BENCH_SEED)
  --no-baseline           skip the minimal Astro baseline
  --no-dev                skip astro dev (first page, edit visible)
  --cpu-prof              also profile one cold site build per size (node --cpu-prof)
  --tmp <dir>             scratch folder (env BENCH_TMP; default: <os temp>/blog-bench)
  --write-corpus <dir>    only write the corpus of the first size into <dir> (for profiling by hand)
  --help

Quick check: BENCH_SIZES=100 BENCH_RUNS=1 npm run bench`;

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    'no-baseline': { type: 'boolean', default: false },
    'no-dev': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    tmp: { type: 'string' },
    'write-corpus': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(HELP);
  process.exit(0);
}

const sizes = parseSizes(flags.sizes ?? process.env['BENCH_SIZES'] ?? '100,1000,5000');
const runs = Number(flags.runs ?? process.env['BENCH_RUNS'] ?? 3);
const seed = Number(flags.seed ?? process.env['BENCH_SEED'] ?? 1);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${runs}`);
const withBaseline = !flags['no-baseline'];
const TMP = resolve(flags.tmp ?? process.env['BENCH_TMP'] ?? join(tmpdir(), 'blog-bench'));

/** Pages that may carry JavaScript: the search page and the web editor, nothing else. */
const SCRIPT_ALLOWED = /^(?:suche|search|admin)\//;

type Target = 'site' | 'baseline';
type Kind = 'cold' | 'warm' | 'edit';

interface BuildSample {
  wallMs: number;
  /** User + system CPU time of the build's process tree, where measurable. */
  cpuMs: number | undefined;
  peakRssBytes: number;
  /** Peak RSS per process name in the build's tree. */
  peakRssByName: Record<string, number>;
  log: BuildLog;
  /** Astro's own phase timers (`ASTRO_TIMER_PATH`), in ms: sync, bundling, generating, total. */
  timers: Record<string, number>;
}

interface TargetResult {
  builds: Record<Kind, BuildSample[]>;
  output: OutputStats | undefined;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * Copies what the site's build reads: src/, public/, content/ (other collections such as authors)
 * and the top-level files (config, package files); not node_modules, outputs, tests or tools.
 */
function snapshotSite(target: string): void {
  const folders = new Set(['src', 'public', 'content', 'scripts']);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(ROOT, { withFileTypes: true })) {
    const wanted = entry.isDirectory() ? folders.has(entry.name) : entry.isFile() && !entry.name.endsWith('.log');
    if (wanted) cpSync(join(ROOT, entry.name), join(target, entry.name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(target, 'node_modules'), 'dir');
}

/** Ids of the authors the site knows (file names in content/authors/), so generated posts may name them. */
function authorIds(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.(?:ya?ml|json|md)$/.test(name))
    .map((name) => name.replace(/\.[^.]+$/, ''))
    .sort();
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

async function build(
  project: string,
  corpus: string,
  work: string,
  options: { cpuProfDir?: string } = {},
): Promise<BuildSample> {
  const timerFile = join(work, 'timers.json');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    BLOG_CONTENT_DIR: corpus,
    ASTRO_CACHE_DIR: join(work, 'cache'),
    ASTRO_TIMER_PATH: timerFile,
  };
  mkdirSync(work, { recursive: true });
  rmSync(timerFile, { force: true });
  // Through NODE_OPTIONS, so the site's build script and the Astro process it starts are profiled.
  if (options.cpuProfDir) env['NODE_OPTIONS'] = `${env['NODE_OPTIONS'] ?? ''} --cpu-prof --cpu-prof-dir=${options.cpuProfDir}`.trim();
  // The site builds as `npm run build` does (scripts/build.ts), the baseline with plain `astro build`.
  const script = existsSync(join(project, 'scripts/build.ts')) ? [join(project, 'scripts/build.ts')] : [ASTRO, 'build'];
  const result = await runMeasured(process.execPath, [...script, '--outDir', join(work, 'dist')], {
    cwd: project,
    env,
    cpuTimeFile: join(work, 'cpu-time.txt'),
  });
  if (result.code !== 0) {
    throw new Error(`Build of ${project} failed (exit ${result.code}):\n${result.output.slice(-4000)}`);
  }
  const timers: Record<string, number> = {};
  if (existsSync(timerFile)) {
    const stats = JSON.parse(readFileSync(timerFile, 'utf8')) as Record<string, { elapsedTime: number }>;
    for (const [name, stat] of Object.entries(stats)) timers[name] = Math.round(stat.elapsedTime);
  }
  return {
    wallMs: result.wallMs,
    cpuMs: result.cpuMs,
    peakRssBytes: result.peakRssBytes,
    peakRssByName: result.peakRssByName,
    log: parseBuildLog(result.output),
    timers,
  };
}

/** Brotli and gzip size of the built index page plus the stylesheets it links. */
function indexWeight(dist: string): { rawBytes: number; gzipBytes: number; brotliBytes: number; files: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const sheets = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
    .map((match) => /href="([^"]+)"/.exec(match[0])?.[1])
    .filter((href): href is string => href !== undefined && href.startsWith('/'));
  const files = ['index.html', ...sheets.map((href) => href.slice(1))];
  // Each file is sent and compressed on its own.
  const buffers = files.map((file) => readFileSync(join(dist, file)));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    files,
    rawBytes: sum(buffers.map((buffer) => buffer.length)),
    gzipBytes: sum(buffers.map((buffer) => gzipSync(buffer, { level: 9 }).length)),
    brotliBytes: sum(
      buffers.map((buffer) => brotliCompressSync(buffer, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length),
    ),
  };
}

function printProfile(dir: string): unknown {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  const summaries = files.map((file) => {
    const summary = summariseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, 20);
    log(`\nCPU profile ${join(dir, file)} (${formatMs(summary.totalMs)} sampled)`);
    log(markdownTable(['package', 'self', 'share'], summary.packages.map((e) => [e.name, formatMs(e.selfMs), `${(e.share * 100).toFixed(1)} %`])));
    log(markdownTable(['function', 'self', 'share'], summary.functions.map((e) => [e.name, formatMs(e.selfMs), `${(e.share * 100).toFixed(1)} %`])));
    log(
      markdownTable(
        ['site function (inclusive)', 'total', 'share'],
        summary.siteInclusive.map((e) => [e.name, formatMs(e.selfMs), `${(e.share * 100).toFixed(1)} %`]),
      ),
    );
    return { file, ...summary };
  });
  return summaries;
}

/** `node 1.2 GB, pagefind 300 MB`: the processes that held most memory at their peak. */
const peakNames = (sample: BuildSample): string =>
  Object.entries(sample.peakRssByName)
    .filter(([name]) => name !== 'time')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, bytes]) => `${name} ${formatBytes(bytes)}`)
    .join(', ');

const medianOf = (samples: BuildSample[], pick: (sample: BuildSample) => number | undefined): number =>
  median(samples.map(pick).filter((value): value is number => value !== undefined));

function summary(result: TargetResult) {
  const of = (kind: Kind) => ({
    wallMs: medianOf(result.builds[kind], (s) => s.wallMs),
    cpuMs: medianOf(result.builds[kind], (s) => s.cpuMs),
    // Astro's timers: content sync, bundling, rendering + images; the rest of "Total build" is
    // setup and the integrations' astro:build:done hooks (sitemap, aliases, social-image cache).
    // Search index and precompression run after Astro's process (scripts/build.ts).
    contentSyncMs: medianOf(result.builds[kind], (s) => s.timers['Sync content layer']),
    prerenderBuildMs: medianOf(result.builds[kind], (s) => s.timers['Prerender build']),
    staticGenerateMs: medianOf(result.builds[kind], (s) => s.timers['Static generate']),
    setupAndHooksMs: medianOf(result.builds[kind], (s) => {
      const t = s.timers;
      const total = t['Total build'];
      if (total === undefined) return undefined;
      const known = ['Sync content layer', 'Prerender build', 'SSR build', 'Client build', 'Static generate'];
      return total - known.reduce((sum, name) => sum + (t[name] ?? 0), 0);
    }),
    peakRssBytes: medianOf(result.builds[kind], (s) => s.peakRssBytes),
    syncMs: medianOf(result.builds[kind], (s) => s.log.syncMs),
    bundleMs: medianOf(result.builds[kind], (s) => s.log.bundleMs),
    routesMs: medianOf(result.builds[kind], (s) => s.log.routesMs),
    imagesMs: medianOf(result.builds[kind], (s) => s.log.imagesMs),
    imagesEncoded: medianOf(result.builds[kind], (s) => s.log.imagesEncoded),
    imagesReused: medianOf(result.builds[kind], (s) => s.log.imagesReused),
    searchIndexMs: medianOf(result.builds[kind], (s) => s.log.searchIndexMs),
    precompressMs: medianOf(result.builds[kind], (s) => s.log.precompressMs),
  });
  return { cold: of('cold'), warm: of('warm'), edit: of('edit') };
}

async function main(): Promise<void> {
  const corpusOnly = flags['write-corpus'];
  if (corpusOnly !== undefined) {
    const dir = resolve(corpusOnly);
    const posts = generateCorpus(sizes[0]!, { seed, authors: authorIds(join(ROOT, 'content/authors')) });
    await writeCorpus(dir, posts, seed);
    log(`${posts.length} posts written to ${dir}`);
    return;
  }
  mkdirSync(TMP, { recursive: true });
  const siteDir = join(TMP, 'site');
  const baselineDir = join(TMP, 'baseline');
  snapshotSite(siteDir);
  if (withBaseline) writeBaselineProject(baselineDir, join(ROOT, 'node_modules'));
  const authors = authorIds(join(siteDir, 'content/authors'));
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json', 'public') !== '';
  log(`Benchmark of ${commit}${dirty ? ' (with uncommitted changes)' : ''}: sizes ${sizes.join(', ')}, ${runs} run(s), scratch ${TMP}`);

  const results = [];
  for (const count of sizes) {
    const corpusDir = join(TMP, `corpus-${count}`);
    const posts = generateCorpus(count, { seed, authors });
    const started = performance.now();
    await writeCorpus(corpusDir, posts, seed);
    const images = posts.reduce((sum, post) => sum + post.images.length, 0);
    log(`\n${count} posts (${images} images) written in ${formatMs(performance.now() - started)}`);
    const edited = newestPost(posts);

    const targets: Target[] = withBaseline ? ['site', 'baseline'] : ['site'];
    const byTarget = new Map<Target, TargetResult>(
      targets.map((target) => [target, { builds: { cold: [], warm: [], edit: [] }, output: undefined }]),
    );
    for (let run = 1; run <= runs; run++) {
      // Alternate the order so neither target always runs on a machine warmed by the other.
      const order = run % 2 === 1 ? targets : [...targets].reverse();
      for (const target of order) {
        const project = target === 'site' ? siteDir : baselineDir;
        const work = join(TMP, `work-${target}-${count}`);
        const result = byTarget.get(target)!;
        rmSync(work, { recursive: true, force: true });
        const cold = await build(project, corpusDir, work);
        result.output = outputStats(join(work, 'dist'));
        const warm = await build(project, corpusDir, work);
        const editedFile = join(corpusDir, edited.path);
        writeFileSync(editedFile, editedSource(edited.source, run));
        let edit: BuildSample;
        try {
          edit = await build(project, corpusDir, work);
        } finally {
          writeFileSync(editedFile, edited.source);
        }
        result.builds.cold.push(cold);
        result.builds.warm.push(warm);
        result.builds.edit.push(edit);
        log(
          `  ${target.padEnd(8)} run ${run}/${runs}: cold ${formatMs(cold.wallMs)} (${formatBytes(cold.peakRssBytes)}: ${peakNames(cold)}; ` +
            `${cold.log.imagesEncoded} images encoded), warm ${formatMs(warm.wallMs)} ` +
            `(${warm.log.imagesEncoded} encoded, ${warm.log.imagesReused} reused), one post changed ${formatMs(edit.wallMs)}`,
        );
      }
    }

    const site = byTarget.get('site')!;
    const siteWork = join(TMP, `work-site-${count}`);
    let dev: DevSample | undefined;
    if (!flags['no-dev']) {
      const devCache = join(TMP, `dev-cache-${count}`);
      rmSync(devCache, { recursive: true, force: true });
      dev = await measureDev(siteDir, corpusDir, devCache, edited);
      log(`  astro dev: first page ${formatMs(dev.firstPageMs)} (empty cache), an edit on its page after ${formatMs(dev.editVisibleMs)}`);
    }
    const weight = indexWeight(join(siteWork, 'dist'));
    let profile: unknown;
    if (flags['cpu-prof']) {
      const profileDir = join(TMP, `profile-${count}`);
      rmSync(profileDir, { recursive: true, force: true });
      rmSync(siteWork, { recursive: true, force: true });
      await build(siteDir, corpusDir, siteWork, { cpuProfDir: profileDir });
      profile = printProfile(profileDir);
    }
    results.push({
      posts: count,
      images,
      site: { ...summary(site), output: site.output, index: weight, samples: site.builds },
      ...(dev === undefined ? {} : { dev }),
      ...(withBaseline
        ? (() => {
            const baseline = byTarget.get('baseline')!;
            return { baseline: { ...summary(baseline), output: baseline.output, samples: baseline.builds } };
          })()
        : {}),
      ...(profile === undefined ? {} : { profile }),
    });
  }

  const rows: string[][] = [];
  const phaseRows: string[][] = [];
  const ratioRows: string[][] = [];
  for (const result of results) {
    for (const target of ['site', 'baseline'] as const) {
      const data = target === 'site' ? result.site : result.baseline;
      if (!data) continue;
      rows.push([
        String(result.posts),
        target,
        formatMs(data.cold.wallMs),
        formatMs(data.warm.wallMs),
        formatMs(data.edit.wallMs),
        formatBytes(data.cold.peakRssBytes),
        String(data.output?.pages ?? '–'),
        formatBytes(data.output?.bytes ?? Number.NaN),
        (data.cold.wallMs / result.posts).toFixed(1),
      ]);
      phaseRows.push([
        String(result.posts),
        target,
        formatMs(data.cold.cpuMs),
        formatMs(data.cold.contentSyncMs),
        formatMs(data.cold.prerenderBuildMs),
        formatMs(data.cold.routesMs),
        `${formatMs(data.cold.imagesMs)} (${data.cold.imagesEncoded})`,
        formatMs(data.cold.setupAndHooksMs),
        `${formatMs(data.cold.searchIndexMs)} / ${formatMs(data.cold.precompressMs)}`,
        `${data.warm.imagesEncoded}/${data.warm.imagesReused}`,
      ]);
    }
    if (result.baseline) {
      const { site, baseline } = result;
      ratioRows.push([
        String(result.posts),
        formatRatio(site.cold.wallMs, baseline.cold.wallMs),
        formatRatio(site.cold.cpuMs, baseline.cold.cpuMs),
        formatRatio(site.warm.wallMs, baseline.warm.wallMs),
        formatRatio(site.edit.wallMs, baseline.edit.wallMs),
        formatRatio(site.cold.peakRssBytes, baseline.cold.peakRssBytes),
        formatRatio(site.output?.bytes ?? Number.NaN, baseline.output?.bytes ?? Number.NaN),
      ]);
    }
  }
  console.log(`\n## Build benchmark (${commit}${dirty ? '+' : ''}, medians of ${runs} run(s))\n`);
  console.log(
    markdownTable(
      ['posts', 'build', 'cold', 'warm', 'one post changed', 'peak RSS', 'pages', 'output', 'ms/post (cold)'],
      rows,
    ),
  );
  console.log('\nWhere a cold build spends its time (Astro timers and log; images: time and encodes):\n');
  console.log(
    markdownTable(
      ['posts', 'build', 'CPU time', 'content sync', 'bundle', 'render pages', 'images', 'setup + build:done hooks', 'search index / precompress', 'warm: encoded/reused'],
      phaseRows,
    ),
  );
  if (ratioRows.length > 0) {
    console.log('\nSite ÷ minimal baseline:\n');
    console.log(markdownTable(['posts', 'cold', 'cold CPU', 'warm', 'one post changed', 'peak RSS', 'output'], ratioRows));
  }

  console.log('\nBudgets:\n');
  const checks: string[][] = [];
  const check = (what: string, value: string, ok: boolean | undefined) =>
    checks.push([what, value, ok === undefined ? '–' : ok ? 'ok' : 'MISSED']);
  for (const result of results) {
    const { site } = result;
    const n = result.posts;
    if (result.baseline) {
      const ratio = site.cold.wallMs / result.baseline.cold.wallMs;
      check(`${n}: cold ÷ baseline ≤ 1.0 (aim 0.5)`, ratio.toFixed(2), ratio <= 1);
    }
    // Incremental builds (README, performance): an edit at most 0.1× cold (0.05× from 5,000 posts), nothing changed 0.08×.
    const editBudget = n >= 5000 ? 0.05 : 0.1;
    const editRatio = site.edit.wallMs / site.cold.wallMs;
    check(`${n}: one post changed ≤ ${editBudget} × cold`, `${formatMs(site.edit.wallMs)} vs ${formatMs(site.cold.wallMs)} (${editRatio.toFixed(2)})`, editRatio <= editBudget);
    const warmRatio = site.warm.wallMs / site.cold.wallMs;
    check(`${n}: nothing changed ≤ 0.08 × cold`, `${formatMs(site.warm.wallMs)} (${warmRatio.toFixed(2)})`, warmRatio <= 0.08);
    if (result.dev) {
      check(`${n}: astro dev, an edit on its page ≤ 1 s`, formatMs(result.dev.editVisibleMs), result.dev.editVisibleMs <= 1000);
      check(`${n}: astro dev, first page`, formatMs(result.dev.firstPageMs), undefined);
    }
    check(`${n}: warm build encodes no image`, `${site.warm.imagesEncoded} encoded, ${site.warm.imagesReused} reused`, site.warm.imagesEncoded === 0);
    const memoryBudget = n >= 5000 ? 1.65e9 : 2e9;
    check(`${n}: peak RSS < ${formatBytes(memoryBudget)}`, formatBytes(site.cold.peakRssBytes), site.cold.peakRssBytes < memoryBudget);
    const scripted = (site.output?.pagesWithScript ?? []).filter((page) => !SCRIPT_ALLOWED.test(page));
    check(`${n}: no JavaScript outside search`, `${scripted.length} page(s), ${site.output?.scripts ?? 0} .js file(s)`, scripted.length === 0);
    check(
      `${n}: index HTML + CSS < 20 KB compressed`,
      `brotli ${formatBytes(site.index.brotliBytes)}, gzip ${formatBytes(site.index.gzipBytes)}`,
      site.index.gzipBytes < 20_000,
    );
  }
  const first = results.find((result) => result.posts === 1000) ?? results[0];
  const last = results.at(-1);
  if (first && last && last.posts > first.posts) {
    const growth = last.site.cold.wallMs / last.posts / (first.site.cold.wallMs / first.posts);
    check(`${first.posts} → ${last.posts}: ms/post grows at most linearly`, `${growth.toFixed(2)}× per post`, growth <= 1.1);
  }
  console.log(markdownTable(['budget', 'measured', ''], checks));

  const resultsDir = join(ROOT, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  let file = join(resultsDir, `${date}-${commit}.json`);
  for (let i = 2; existsSync(file); i++) file = join(resultsDir, `${date}-${commit}-${i}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        commit,
        dirty,
        node: process.version,
        cpus: cpus().length,
        memoryBytes: totalmem(),
        loadAverageAtEnd: loadavg(),
        sizes,
        runs,
        seed,
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nResults: ${file.slice(ROOT.length + 1)}`);
}

await main();
