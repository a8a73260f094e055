import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeInBrowser, scrollThrough, useSite } from './harness.ts';
import { pageKinds, widths } from './pages.ts';

/** Narrowest width the layout must fit without sideways scrolling (WCAG 1.4.10 Reflow). */
const NARROWEST = 320;
/** Milliseconds every image response is held back in the layout-shift test, as on a slow line. */
const IMAGE_DELAY = 800;

/**
 * Cumulative layout shift while the page loads and a reader scrolls through it: every
 * `layout-shift` entry (buffered ones from before the observer included) without recent input.
 * Images arrive late, and the page is scrolled to each one before it arrives, so an image without
 * a reserved box pushes text the reader sees (off-screen shifts do not count).
 */
async function layoutShift(page: Page): Promise<{ supported: boolean; total: number; shifts: string[] }> {
  await page.evaluate(() => {
    const state = { total: 0, shifts: [] as string[] };
    (window as unknown as { e2eShift: typeof state }).e2eShift = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        state.total += entry.value;
        const nodes = (entry.sources ?? []).map((source) => (source.node as Element | null)?.outerHTML?.slice(0, 80) ?? '?');
        state.shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${nodes.join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const images = page.locator('img');
  for (let i = 0; i < (await images.count()); i++) {
    await images.nth(i).evaluate((image: HTMLImageElement) => {
      image.scrollIntoView({ block: 'center' });
      if (image.complete) return undefined;
      return new Promise<void>((done) => {
        image.addEventListener('load', () => done(), { once: true });
        image.addEventListener('error', () => done(), { once: true });
      });
    });
  }
  await scrollThrough(page);
  await page.waitForTimeout(300);
  return page.evaluate(() => ({
    supported: PerformanceObserver.supportedEntryTypes.includes('layout-shift'),
    ...(window as unknown as { e2eShift: { total: number; shifts: string[] } }).e2eShift,
  }));
}

describeInBrowser('visual stability', () => {
  const site = useSite();

  describe.each(pageKinds.map((kind) => [kind.name, kind] as const))('%s', (_name, { path }) => {
    it('gives every image its width and height, so its box is reserved before it loads', async () => {
      const { page } = await site.visit(path);
      const images = await page.locator('img').evaluateAll((elements) =>
        elements.map((image) => ({ src: image.getAttribute('src'), width: image.getAttribute('width'), height: image.getAttribute('height') })),
      );
      const unsized = images.filter(({ width, height }) => !/^[1-9]\d*$/.test(width ?? '') || !/^[1-9]\d*$/.test(height ?? ''));
      expect(unsized, 'images without numeric width and height').toEqual([]);
    });

    it.each(widths)('does not shift its layout while loading and scrolling (CLS 0 at %i px)', async (width) => {
      const { page } = await site.visit(path, {
        width,
        waitUntil: 'domcontentloaded',
        prepare: async (context) => {
          await context.route(/\.(avif|webp|png|jpe?g|gif|svg)(\?.*)?$/, async (route) => {
            await new Promise((done) => setTimeout(done, IMAGE_DELAY));
            await route.continue();
          });
        },
      });
      const cls = await layoutShift(page);
      expect(cls.supported, 'this Chromium reports layout shifts').toBe(true);
      expect(cls.total, `layout shifts:\n${cls.shifts.join('\n')}`).toBe(0);
    });

    it(`fits ${NARROWEST} px without horizontal scrolling`, async () => {
      const { page } = await site.visit(path, { width: NARROWEST });
      await scrollThrough(page);
      const size = await page.evaluate(() => {
        const root = document.documentElement;
        const wide = Array.from(document.querySelectorAll('body *'))
          .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
          .map((element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}">`)
          .slice(0, 5);
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
      });
      expect(size.scrollWidth, `wider than the viewport: ${size.wide.join(', ')}`).toBeLessThanOrEqual(size.clientWidth);
    });
  });
});
