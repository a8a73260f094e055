import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, resolve } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { parseHtml } from '#lib/markdown/html.ts';
import { listFiles } from '#lib/content/files.ts';
import { BUILD_SCRIPT_ENV } from '#src/integration/env.ts';
import { editorPaths } from '#lib/site/routes.ts';
import { TEST_RUN_ENV } from '../test-run.ts';

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Scratch space for test builds (ignored by git). */
export const TMP = join(ROOT, 'tests/.tmp');

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
  /** True when the build was still running after `timeoutMs` and was killed. */
  timedOut: boolean;
}

/**
 * The environment of a test build: its own cache folder, no telemetry or colours, and the real
 * content unless `contentDir` names another folder. Nothing of the caller's build settings leaks in.
 */
export function buildEnv(
  cacheDir: string,
  options: { contentDir?: string; env?: Record<string, string> } = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ASTRO_CACHE_DIR: cacheDir,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    ...options.env,
  };
  if (options.contentDir) env['BLOG_CONTENT_DIR'] = options.contentDir;
  else delete env['BLOG_CONTENT_DIR'];
  if (!options.env?.[BUILD_SCRIPT_ENV]) delete env[BUILD_SCRIPT_ENV];
  return env;
}

/**
 * Runs the build script of `npm run build` (astro build, then search index and precompression) in a
 * child process, into `tests/.tmp/<name>`.
 * `contentDir` selects another blog folder; `env` adds variables such as `TZ`. After `timeoutMs`,
 * the build and Astro's process under it are killed and the result says `timedOut`.
 */
export async function buildSite(
  name: string,
  options: { contentDir?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<BuildResult> {
  const outDir = join(TMP, name, 'dist');
  const cacheDir = join(TMP, name, 'cache');
  await rm(join(TMP, name), { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  const env = buildEnv(cacheDir, options);
  const script = join(ROOT, 'scripts/build.ts');
  return new Promise((resolvePromise, reject) => {
    // A process group of its own, so that a timeout ends Astro's process too.
    const child = spawn(process.execPath, [script, '--outDir', outDir], { cwd: ROOT, env, detached: options.timeoutMs !== undefined });
    let output = '';
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            process.kill(-child.pid!, 'SIGKILL');
          }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output, outDir, timedOut });
    });
  });
}

/** How long a shared build of an earlier run is kept in tests/.tmp before a new run deletes it. */
const SHARED_BUILD_MAX_AGE_MS = 6 * 3_600_000;
/** How long a test file waits for the shared build that another file of the run is making. */
const SHARED_BUILD_WAIT_MS = 600_000;

/**
 * The real content built once per test run with the plain `npm run build` settings, for the test
 * files that only read a build (pages, feeds, SEO, preview, Apache, browser tests); the first file
 * that asks builds it, the others wait for it. Tests that change files of a build take a copy
 * (`copyOfSharedSite`). Outside a run of the whole configuration (no TEST_RUN_ENV), each file
 * builds its own.
 */
export async function sharedSite(): Promise<BuildResult> {
  const run = process.env[TEST_RUN_ENV];
  if (!run) return buildSite(`shared-${process.pid}`);
  const name = `shared-${run}`;
  const dir = join(TMP, name);
  const done = `${dir}.json`;
  mkdirSync(TMP, { recursive: true });
  let owner = false;
  try {
    mkdirSync(`${dir}.lock`);
    owner = true;
  } catch {
    // Another file of this run is building it.
  }
  if (owner) {
    for (const entry of readdirSync(TMP).filter((entry) => entry.startsWith('shared-') && !entry.startsWith(name))) {
      const path = join(TMP, entry);
      if (Date.now() - statSync(path).mtimeMs > SHARED_BUILD_MAX_AGE_MS) rmSync(path, { recursive: true, force: true });
    }
    const result = await buildSite(name);
    writeFileSync(done, JSON.stringify(result));
    return result;
  }
  const deadline = Date.now() + SHARED_BUILD_WAIT_MS;
  while (!existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`The shared build ${dir} did not finish within ${SHARED_BUILD_WAIT_MS / 1000} s`);
    await sleep(200);
  }
  return JSON.parse(readFileSync(done, 'utf8')) as BuildResult;
}

/** A copy of the shared build (`sharedSite`) in `tests/.tmp/<name>/dist`, for a test that changes files in it. */
export async function copyOfSharedSite(name: string): Promise<BuildResult> {
  const shared = await sharedSite();
  const outDir = join(TMP, name, 'dist');
  rmSync(join(TMP, name), { recursive: true, force: true });
  if (shared.code === 0) cpSync(shared.outDir, outDir, { recursive: true });
  return { ...shared, outDir };
}

/** Throws with the build log when a build failed, so a failing test shows why. */
export function assertBuilt(result: BuildResult): void {
  if (result.code !== 0) throw new Error(`Build failed (exit ${result.code}):\n${result.output}`);
}

/** Every file under `dir`, as sorted paths relative to it (src/lib/content/files.ts). */
export { listFiles };

/** All built HTML pages as URL paths (`/`, `/seite/2/`, `/blog/2022/x/`). */
export function htmlPages(outDir: string): string[] {
  return listFiles(outDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file}`.replace(/index\.html$/, '').replace(/\.html$/, ''));
}

/** Pages that only send the reader on (old addresses of posts): `<meta http-equiv="refresh">`. */
export const isRedirectPage = (page: HTMLElement): boolean =>
  page.querySelector('meta[http-equiv="refresh"]') !== null;

/** All built pages a reader reads: every HTML page except the redirect pages and the web editor. */
export const contentPages = (outDir: string): string[] =>
  htmlPages(outDir).filter((path) => path !== editorPaths.page && !isRedirectPage(readPage(outDir, path)));

/** The built file that serves a URL path, or undefined when none does. */
export function fileForPath(outDir: string, urlPath: string): string | undefined {
  const clean = decodeURI(urlPath.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/')
    ? [join(outDir, clean, 'index.html')]
    : [join(outDir, clean), join(outDir, clean, 'index.html'), join(outDir, `${clean}.html`)];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

/** Parses a built page. */
export function readPage(outDir: string, urlPath: string): HTMLElement {
  const file = fileForPath(outDir, urlPath);
  if (!file) throw new Error(`No page built for ${urlPath}`);
  return parseHtml(readFileSync(file, 'utf8'));
}

/** Text of an element with whitespace collapsed, as a reader (or screen reader) gets it. */
export const textOf = (element: HTMLElement | null | undefined): string =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A free TCP port on loopback, for a server a test starts. */
export const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * `env` without Vitest's variables, for `astro dev` and `astro preview`: Astro takes itself for a
 * test run under them and serves no pages.
 */
export function withoutVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const name of Object.keys(clean)) if (name.startsWith('VITEST') || name === 'NODE_ENV' || name === 'TEST') delete clean[name];
  return clean;
}

/** Every file of a built site with the hash of its bytes. */
export function fingerprint(outDir: string): Map<string, string> {
  return new Map(
    listFiles(outDir).map((file) => [file, createHash('sha256').update(readFileSync(join(outDir, file))).digest('hex')]),
  );
}

/** Files only in one of two sites, or with other bytes. */
export function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.flatMap((name) => {
    const [a, b] = [before.get(name), after.get(name)];
    if (a === b) return [];
    if (a === undefined) return [`only after: ${name}`];
    if (b === undefined) return [`only before: ${name}`];
    return [`changed: ${name}`];
  });
}

/** What a copy of the project needs to build and run: code, settings and content (node_modules is linked). */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts', 'content'];

/** Copies the project's files from `from` to `to`, replacing what `to` had, and links node_modules. */
export function copyProject(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const path of PROJECT_FILES) {
    rmSync(join(to, path), { recursive: true, force: true });
    cpSync(join(from, path), join(to, path), { recursive: true });
  }
  if (!existsSync(join(to, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'));
}
