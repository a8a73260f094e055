/**
 * How scripts/build.ts starts Astro's process: Node flags and environment that keep its memory
 * down. Measured as the peak memory (RSS of the process tree) of a cold 5,000-post build. Also the
 * preload that reports the process's exit code (scripts/lib/astro-exit-report.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Node flags of Astro's process. V8 let the heap grow to about twice what lives through a large
 * build between full collections while pages render; with `--heap-growing-percent=40` it grows by
 * 40 % of what survived the last one, at no measurable cost in time (README, performance).
 */
export const ASTRO_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=40'];

/**
 * Allocator settings of Astro's process.
 *
 * - `MALLOC_ARENA_MAX=2`: glibc otherwise keeps a memory arena per thread that allocates, and
 *   sharp's and the bundler's threads left hundreds of MB in them.
 * - `MIMALLOC_PURGE_DELAY=0`: Rolldown (the bundler) and Astro's compiler allocate with
 *   mimalloc, which kept memory that the bundler had freed until the end of the build; with the
 *   setting it returns freed pages to the system at once, with no difference in time beyond the
 *   noise (figures in the README's performance section).
 */
export const ASTRO_ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MIMALLOC_PURGE_DELAY: '0',
};

/**
 * The environment of Astro's process: telemetry off and the allocator settings, each unless the
 * caller's environment sets it (so a measurement can switch one off), and always `fixed` (such
 * as where Astro reports its exit code).
 */
export function astroEnv(
  environment: NodeJS.ProcessEnv,
  fixed: Readonly<Record<string, string>> = {},
): NodeJS.ProcessEnv {
  return { ASTRO_TELEMETRY_DISABLED: '1', ...ASTRO_ALLOCATOR_ENV, ...environment, ...fixed };
}

/** Names the file into which Astro's process writes its exit code when its JavaScript has ended. */
export const EXIT_REPORT_ENV = 'BLOG_ASTRO_EXIT_REPORT';

/** Node flags that preload scripts/lib/astro-exit-report.ts, which writes that report. */
export const EXIT_REPORT_FLAGS: readonly string[] = ['--import', pathToFileURL(join(import.meta.dirname, 'astro-exit-report.ts')).href];

/**
 * The exit code that the process `pid` reported in `file`, or undefined while it has reported
 * none yet (still running, or ended by a signal).
 */
export function readExitReport(file: string, pid: number | undefined): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const match = /^(\d+) (\d+)$/.exec(text);
  return match !== null && Number(match[1]) === pid ? Number(match[2]) : undefined;
}
