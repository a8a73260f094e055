import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, assertBuilt, sharedSite } from '../build/helpers.ts';
import { CHROMIUM_PATH, INSTALL_HINT, hasChromium, isCI } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set when the browser tests run; null when they are skipped for want of Chromium. */
    e2e: { outDir: string; screenshotDir: string } | null;
  }
}

/**
 * Runs once per `vitest run` that includes the e2e project: checks for Chromium, then provides
 * the run's shared build of the real content, so every e2e file serves the same build.
 */
export default async function setup(project: TestProject): Promise<() => void | Promise<void>> {
  if (!hasChromium()) {
    const message = `No Chromium at ${CHROMIUM_PATH}; the browser tests need Debian's package: ${INSTALL_HINT}`;
    if (isCI()) throw new Error(message);
    const banner = `\n${'!'.repeat(100)}\n!! SKIPPING THE BROWSER TESTS (tests/e2e). ${message}\n${'!'.repeat(100)}\n`;
    console.warn(banner);
    project.provide('e2e', null);
    // Again after the run, where it cannot scroll away.
    return () => console.warn(banner);
  }
  // The run's shared build of the real content (tests/build/helpers.ts), which no e2e file changes.
  const result = await sharedSite();
  assertBuilt(result);
  // One folder per run, named by its start time (no colons, so it is a valid name everywhere).
  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const screenshotDir = join(ROOT, 'test-results/screenshots', stamp);
  project.provide('e2e', { outDir: result.outDir, screenshotDir });
  return () => {
    if (existsSync(screenshotDir)) console.log(`\nScreenshots of this run: ${relative(process.cwd(), screenshotDir)}/\n`);
  };
}
