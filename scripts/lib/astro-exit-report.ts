/**
 * Preloaded into Astro's process by `npm run build` (scripts/build.ts passes EXIT_REPORT_FLAGS):
 * once the process's JavaScript has ended, writes "<pid> <exit code>" into the file named by
 * EXIT_REPORT_ENV, so scripts/build.ts knows the outcome even if the process never disappears.
 *
 * It can fail to disappear after that point: Astro ends every failed build with process.exit(1),
 * and Node's process.exit() joins its thread pools (libuv's, then V8's) without tearing V8 down
 * first. A V8 worker thread that is compiling in the background and waits for a garbage
 * collection can then wait forever, and the main thread with it, using no CPU: an open Node bug
 * (https://github.com/nodejs/node/issues/64274; the same deadlock on Node 24 after
 * process.exit(): https://github.com/WordPress/wordpress-develop/pull/13608).
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { EXIT_REPORT_ENV } from './astro-process.ts';

const file = process.env[EXIT_REPORT_ENV];
// Worker threads and Node processes that Astro starts inherit the preload flag, but not this
// variable, so only Astro's own process reports (scripts/build.ts checks the pid as well).
delete process.env[EXIT_REPORT_ENV];
if (file !== undefined && file !== '' && isMainThread) {
  // Registered before Astro's code runs, so it is the first exit listener and runs before any
  // other can block.
  process.on('exit', (code) => {
    try {
      writeFileSync(file, `${process.pid} ${code}`);
    } catch {
      // Without the report, scripts/build.ts waits for the process to end, as it always did.
    }
  });
}
