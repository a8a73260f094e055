import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, onTestFinished } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import type { ColorScheme } from './pages.ts';
import { serveStatic, type StaticServer } from './server.ts';

const setup = inject('e2e');

/** `describe` when the browser tests run, `describe.skip` when global-setup found no Chromium. */
export const describeInBrowser = setup ? describe : describe.skip;

export interface VisitOptions {
  width?: number;
  height?: number;
  colorScheme?: ColorScheme;
  /** `false` opens the page as a reader without JavaScript sees it. */
  javaScriptEnabled?: boolean;
  /** When `visit` returns: after the `load` event (default) or as soon as the HTML is parsed. */
  waitUntil?: 'load' | 'domcontentloaded';
  /** Runs on the new context before the page is opened, e.g. to slow down some responses. */
  prepare?: (context: BrowserContext) => Promise<void>;
}

/** A page opened in a fresh browser context, with everything it did on the way. */
export interface Visit {
  page: Page;
  context: BrowserContext;
  /** The response to the navigation itself. */
  response: Response | null;
  /** URL of every request the context made, same origin or not. */
  requests: string[];
  /** Requests to any other origin; they are recorded and then blocked, never sent. */
  foreignRequests: () => string[];
  /** Console errors and uncaught exceptions, as readable lines. */
  errors: string[];
}

export interface Site {
  /** `http://127.0.0.1:<port>` of the static server. */
  readonly origin: string;
  /** Opens `path` in a new context (own cookies, viewport, colour scheme), closed when the test ends. */
  visit(path: string, options?: VisitOptions): Promise<Visit>;
  /** Saves a full-page screenshot to this run's screenshot folder. */
  screenshot(page: Page, name: string): Promise<void>;
}

/**
 * Serves the e2e build and launches Chromium once for the calling test file (call it inside a
 * `describeInBrowser` block); both are shut down after the file.
 */
export function useSite(): Site {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!setup) throw new Error('useSite() must be called inside describeInBrowser');
    server = await serveStatic(setup.outDir);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const origin = () => {
    if (!server) throw new Error('The site is not served yet');
    return server.origin;
  };

  return {
    get origin() {
      return origin();
    },

    async visit(path, { javaScriptEnabled = true, width = 1280, height = 800, colorScheme = 'light', waitUntil = 'load', prepare } = {}) {
      if (!browser) throw new Error('No browser yet');
      const site = origin();
      const context = await browser.newContext({
        baseURL: site,
        viewport: { width, height },
        colorScheme,
        locale: 'de-DE',
        timezoneId: 'Europe/Berlin',
        serviceWorkers: 'block',
        javaScriptEnabled,
      });
      onTestFinished(() => context.close());
      const requests: string[] = [];
      const errors: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      // Nothing leaves the machine: foreign requests are recorded above, then refused here.
      await context.route(
        (url) => url.origin !== site,
        (route) => route.abort('blockedbyclient'),
      );
      await prepare?.(context);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const { url, lineNumber } = message.location();
        // Chromium logs the document's own 404 as an error; the tests check every status themselves.
        if (url === page.url() && message.text().startsWith('Failed to load resource: the server responded')) return;
        errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught ${error.name}: ${error.message}`));
      const response = await page.goto(path, { waitUntil });
      return {
        page,
        context,
        response,
        requests,
        errors,
        foreignRequests: () => requests.filter((url) => !url.startsWith(`${site}/`) && !/^(data|blob):/.test(url)),
      };
    },

    async screenshot(page, name) {
      if (!setup) return;
      await mkdir(setup.screenshotDir, { recursive: true });
      await page.screenshot({ path: join(setup.screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
    },
  };
}

/**
 * Scrolls through the page a screen at a time, as a reader does (so lazy images load in view),
 * pausing `pause` ms a step, then waits until every image has loaded.
 */
export async function scrollThrough(page: Page, pause = 50): Promise<void> {
  await page.evaluate(async (wait) => {
    const step = Math.max(200, Math.floor(innerHeight * 0.75));
    for (let y = step; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((done) => setTimeout(done, wait));
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
  }, pause);
  const allLoaded = () => Array.from(document.images).every((image) => image.complete);
  await page.waitForFunction(allLoaded, undefined, { timeout: 10_000 }).catch(async () => {
    const missing = await page.evaluate(() => Array.from(document.images).filter((image) => !image.complete).map((image) => image.currentSrc || image.src));
    throw new Error(`Images still loading after scrolling through ${page.url()}: ${missing.join(', ')}`);
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}
