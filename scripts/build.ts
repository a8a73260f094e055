/**
 * `npm run build`: builds the site into `dist/` (or `--outDir <folder>`) in two steps, each in
 * its own process, one after the other:
 *
 * 1. `astro build` renders pages, feeds, images and social images;
 * 2. this process then writes the search index (Pagefind) and the `.br`/`.gz` copies of the
 *    finished site (scripts/lib/finish-site.ts).
 *
 * Step 2 used to run inside Astro's `astro:build:done` hook. There it added its memory to that of
 * the build, which by then holds everything it rendered: at 5,000 posts, Pagefind's 0.9 GB came on
 * top of Astro's 2 GB. Run after Astro's process has ended, the peak is the larger of the two.
 *
 * Astro's process runs with settings that keep its memory down (`ASTRO_NODE_FLAGS`, and
 * `MALLOC_ARENA_MAX=2` unless set otherwise); see there for what each saves.
 *
 * If either step fails, the output folder is removed, so no half-built site is left to deploy.
 * Other arguments are passed to `astro build`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCacheDir } from '../src/lib/build-cache.ts';
import { finishSite } from './lib/finish-site.ts';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);

/** `--outDir x` or `--outDir=x`, as `astro build` reads it; Astro's default is `dist`. */
function outDirOf(argv: readonly string[]): string {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--outDir' && argv[index + 1] !== undefined) return argv[index + 1]!;
    if (arg.startsWith('--outDir=')) return arg.slice('--outDir='.length);
  }
  return 'dist';
}

/**
 * Node options of Astro's process. The JavaScript heap holds about 0.4 GB that lives through a
 * 5,000-post build, and V8 let it grow to twice that between full collections while pages
 * render. With `--heap-growing-percent=40` it grows by 40 % of what survived the last one.
 * Measured as the peak memory (RSS) of a cold 5,000-post build, with `MALLOC_ARENA_MAX=2` (glibc
 * otherwise keeps a memory arena per thread that allocates, and sharp's and the bundler's threads
 * leave hundreds of MB in them): 2.0 → 1.8 GB, within the noise of the build time.
 */
const ASTRO_NODE_FLAGS = ['--heap-growing-percent=40'];

const outDir = resolve(root, outDirOf(args));
const removeOutput = (reason: string) => {
  rmSync(outDir, { recursive: true, force: true });
  console.error(`Build fehlgeschlagen (${reason}): ${outDirOf(args)}/ wurde entfernt, damit keine halbe Website liegen bleibt.`);
};

let astro: ChildProcess | undefined;
// Ctrl+C (or a CI job's timeout) while building: Astro gets the signal too and stops, and the
// output is removed below; while finishing, it is removed here.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (astro !== undefined && astro.exitCode === null && astro.signalCode === null) {
      astro.kill(signal);
      return;
    }
    removeOutput(`abgebrochen durch ${signal}`);
    process.exit(130);
  });
}

function astroBuild(argv: readonly string[]): Promise<string | undefined> {
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, [...ASTRO_NODE_FLAGS, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...argv], {
      cwd: root,
      stdio: 'inherit',
      env: { ASTRO_TELEMETRY_DISABLED: '1', MALLOC_ARENA_MAX: '2', ...process.env },
    });
    astro = child;
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolveBuild(
        signal !== null ? `astro build abgebrochen durch ${signal}` : code !== 0 ? `astro build endete mit Exit-Code ${code}` : undefined,
      ),
    );
  });
}

let failure: string | undefined;
try {
  failure = await astroBuild(args);
  if (failure === undefined) await finishSite(outDir, { cacheDir: buildCacheDir(process.env, root) });
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
}
if (failure !== undefined) {
  removeOutput(failure);
  process.exitCode = 1;
}
