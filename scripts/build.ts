/**
 * `npm run build`: builds the site into `dist/` (or `--outDir <folder>`) in two steps, each in
 * its own process, one after the other:
 *
 * 1. `astro build` renders pages, feeds, images and social images;
 * 2. this process then writes the search index (Pagefind) and the `.br`/`.gz` copies of the
 *    finished site (scripts/lib/finish-site.ts).
 *
 * Step 2 used to run inside Astro's `astro:build:done` hook. There it added its memory to that of
 * the build, which by then holds everything it rendered. Run after Astro's process has ended, the
 * peak is the larger of the two.
 *
 * If either step fails or is interrupted, the output folder is removed, so no half-built site is
 * left to deploy. This script decides the output folder (`--outDir`, default `dist/`) and hands it
 * to `astro build` with the other arguments.
 *
 * Builds are incremental (Astro's `experimental.incrementalBuild`, keys in
 * src/lib/build/page-keys.ts): pages whose code and data are unchanged are taken from the build
 * cache. `--force` deletes the whole build cache first and builds from nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { BUILD_SCRIPT_ENV } from '#src/integration/env.ts';
import { INCREMENTAL_MANIFEST, buildCacheDir } from '#lib/build/cache.ts';
import { ASTRO_NODE_FLAGS, EXIT_REPORT_ENV, EXIT_REPORT_FLAGS, astroEnv, readExitReport } from './lib/astro-process.ts';
import { finishSite } from './lib/finish-site.ts';
import { splitOutDir } from './lib/out-dir.ts';

const root = join(import.meta.dirname, '..');
/** Builds from nothing: Astro's own flag, which this script extends to the whole build cache. */
const FORCE_FLAG = '--force';
const { outDir: outDirArg, rest: args } = splitOutDir(process.argv.slice(2));
/** The folder Astro builds into and this script finishes, indexes or removes. */
const outDir = resolve(root, outDirArg);
// Astro's exit report (below) goes here.
const reportDir = mkdtempSync(join(tmpdir(), 'blog-build-'));

let cleanedUp = false;
/** Removes the output folder (once) and says why. */
function removeOutput(reason: string): void {
  if (cleanedUp) return;
  cleanedUp = true;
  // A build stopped while rendering may have stored new pages under old keys: the next build
  // renders every page rather than trust them.
  rmSync(join(buildCacheDir(process.env, root), INCREMENTAL_MANIFEST), { force: true });
  const dir = outDir;
  try {
    // Retries: Pagefind or a compression may still be writing into it when a signal comes.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    console.error(`Build fehlgeschlagen (${reason}): ${relative(root, dir) || dir}/ wurde entfernt, damit keine halbe Website liegen bleibt.`);
  } catch (error) {
    console.error(`Build fehlgeschlagen (${reason}); ${dir} ließ sich nicht ganz entfernen: ${(error as Error).message}`);
  }
}

const exitCodeFor = (signal: NodeJS.Signals) => 128 + constants.signals[signal];

let astro: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;
// Ctrl+C (or a CI job's timeout) while Astro builds: Astro gets the signal too (a second one stops
// it hard), and the output is removed once it has stopped. While finishing, it is removed here.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    const running = astro !== undefined && astro.exitCode === null && astro.signalCode === null;
    if (running) {
      astro!.kill(interrupted === undefined ? signal : 'SIGKILL');
      interrupted = signal;
      return;
    }
    removeOutput(`abgebrochen durch ${signal}`);
    rmSync(reportDir, { recursive: true, force: true });
    process.exit(exitCodeFor(signal));
  });
}

/**
 * How long Astro's process may take to disappear once its JavaScript has ended (it has reported
 * its exit code). A healthy process needs only a moment, to write Node's compile cache and end.
 */
const EXIT_GRACE_MS = 10_000;
/** How often the exit report is looked for while Astro runs. */
const EXIT_REPORT_POLL_MS = 200;

function astroBuild(argv: readonly string[]): Promise<string | undefined> {
  const exitReport = join(reportDir, 'astro-exit');
  return new Promise((resolveBuild, reject) => {
    const child = spawn(
      process.execPath,
      [...ASTRO_NODE_FLAGS, ...EXIT_REPORT_FLAGS, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, ...argv],
      {
        cwd: root,
        stdio: 'inherit',
        env: astroEnv(process.env, { [BUILD_SCRIPT_ENV]: '1', [EXIT_REPORT_ENV]: exitReport }),
      },
    );
    astro = child;
    // Astro's process can hang inside Node's process.exit() after its JavaScript has ended, with
    // no CPU use (https://github.com/nodejs/node/issues/64274, see scripts/lib/astro-exit-report.ts),
    // and waiting for it to disappear then never ends. So its outcome is the exit code it
    // reported, and a process still there a while after reporting is stopped: all it had left to
    // do was Node's teardown.
    let reported: number | undefined;
    let stopped = false;
    let stuck: NodeJS.Timeout | undefined;
    const poll = setInterval(() => {
      reported = readExitReport(exitReport, child.pid);
      if (reported === undefined) return;
      clearInterval(poll);
      stuck = setTimeout(() => {
        console.error(`astro build war mit Exit-Code ${reported} fertig, sein Prozess blieb danach aber in Node.js hängen und wurde beendet.`);
        stopped = true;
        child.kill('SIGKILL');
      }, EXIT_GRACE_MS);
    }, EXIT_REPORT_POLL_MS);
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(stuck);
      // Stopped here after its report: the exit code it reported is the outcome, not the SIGKILL.
      if (stopped) [code, signal] = [reported ?? 1, null];
      resolveBuild(
        signal !== null ? `astro build abgebrochen durch ${signal}` : code !== 0 ? `astro build endete mit Exit-Code ${code}` : undefined,
      );
    });
  });
}

if (args.includes(FORCE_FLAG)) {
  const cacheDir = buildCacheDir(process.env, root);
  rmSync(cacheDir, { recursive: true, force: true });
  console.log(`${FORCE_FLAG}: Build-Cache ${relative(root, cacheDir) || cacheDir}/ gelöscht, alles wird neu gebaut.`);
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
  process.exitCode = interrupted === undefined ? 1 : exitCodeFor(interrupted);
}
rmSync(reportDir, { recursive: true, force: true });
