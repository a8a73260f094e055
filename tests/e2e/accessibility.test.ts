import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import { describe, expect, it } from 'vitest';
import { describeInBrowser, scrollThrough, useSite } from './harness.ts';
import { colorSchemes, pageKinds, widths } from './pages.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** WCAG 2.2 A and AA as far as axe tests them, plus axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Violations as lines a person can act on: rule, impact, what is wrong, where, and how to fix it. */
const describeViolations = (violations: Result[]): string =>
  violations
    .map((violation) =>
      [
        `${violation.id} [${violation.impact ?? 'n/a'}]: ${violation.help} (${violation.helpUrl})`,
        ...violation.nodes.map(
          (node) => `    element: ${node.target.join(' ')}\n      ${node.html}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');

const variants = widths.flatMap((width) => colorSchemes.map((colorScheme) => [width, colorScheme] as const));

describeInBrowser('accessibility', () => {
  const site = useSite();

  describe.each(pageKinds.map((kind) => [kind.name, kind] as const))('%s', (name, { path }) => {
    it.each(variants)('axe finds no violations at %i px in the %s scheme (and the page is photographed)', async (width, colorScheme) => {
      const { page } = await site.visit(path, { width, colorScheme });
      // Lazy images load only near the viewport; the screenshot should show them.
      await scrollThrough(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await site.screenshot(page, `${name}-${width}-${colorScheme}`);
      await page.addScriptTag({ path: AXE_SCRIPT });
      const results = await page.evaluate(
        (tags) =>
          (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          }),
        AXE_TAGS,
      );
      expect(results.violations.length, `axe on ${path} at ${width} px, ${colorScheme}:\n\n${describeViolations(results.violations)}\n`).toBe(0);
      // Guard against a silent no-op: axe really checked the page.
      expect(results.passes.length + results.incomplete.length + results.inapplicable.length).toBeGreaterThan(10);
    });

    it('has exactly one h1, and headings that never skip a level', async () => {
      const { page } = await site.visit(path);
      const headings = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((elements) =>
        elements.map((element) => ({ level: Number(element.tagName[1]), text: (element.textContent ?? '').replace(/\s+/g, ' ').trim() })),
      );
      const outline = headings.map(({ level, text }) => `${'  '.repeat(level - 1)}h${level} ${text}`).join('\n');
      expect(headings.filter(({ level }) => level === 1), `one h1:\n${outline}`).toHaveLength(1);
      expect(headings[0]?.level, `the first heading is the h1:\n${outline}`).toBe(1);
      const skips = headings.flatMap(({ level, text }, i) =>
        i > 0 && level > headings[i - 1]!.level + 1 ? [`h${headings[i - 1]!.level} → h${level} "${text}"`] : [],
      );
      expect(skips, `skipped levels in:\n${outline}`).toEqual([]);
    });

    it('describes every image in its content with a text alternative', async () => {
      const { page } = await site.visit(path);
      // Posts have no decorative images: an empty alt in `main` is a forgotten description,
      // which axe accepts as "decorative". A purely decorative image must say so with aria-hidden.
      const images = await page.locator('main img').evaluateAll((elements) =>
        elements.map((image) => ({
          src: image.getAttribute('src'),
          alt: image.getAttribute('alt'),
          hidden: image.closest('[aria-hidden="true"]') !== null,
        })),
      );
      const undescribed = images.filter(({ alt, hidden }) => !hidden && !alt?.trim()).map(({ src }) => src);
      expect(undescribed, 'images in main without alt text').toEqual([]);
    });
  });
});
