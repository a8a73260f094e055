import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ui } from '#src/i18n/de.ts';
import { describeInBrowser, useSite } from './harness.ts';
import { colorSchemes, pageKinds, widths } from './pages.ts';

/** What a keyboard user sees of the element that has focus. */
interface FocusStop {
  /** Index among the page's focusable elements (see `markFocusables`), or null for the document. */
  index: number | null;
  label: string;
  outline: string;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
  boxShadow: string;
  /** Colour behind the outline: the nearest ancestor's background. */
  background: string;
  inViewport: boolean;
  /** No other element covers it (WCAG 2.4.11 Focus Not Obscured). */
  onTop: boolean;
}

/**
 * Numbers every element a keyboard user should be able to reach (in DOM order) and returns how
 * each looks without focus.
 */
const markFocusables = (page: Page) =>
  page.evaluate(() => {
    const selector = [
      'a[href]',
      'area[href]',
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      'iframe',
      'audio[controls]',
      'video[controls]',
      '[contenteditable]:not([contenteditable="false"])',
      '[tabindex]',
    ].join(',');
    const isTabbable = (element: HTMLElement) =>
      element.matches(selector) &&
      element.tabIndex >= 0 &&
      !element.matches(':disabled') &&
      !element.closest('[inert]') &&
      element.checkVisibility({ visibilityProperty: true });
    // Chromium also stops at a scrolling box (a wide code block) that has nothing focusable inside.
    const isScroller = (element: HTMLElement) => {
      if (element === document.body) return false;
      const style = getComputedStyle(element);
      const scrolls = (overflow: string, content: number, box: number) => /auto|scroll/.test(overflow) && content > box;
      return (
        (scrolls(style.overflowX, element.scrollWidth, element.clientWidth) || scrolls(style.overflowY, element.scrollHeight, element.clientHeight)) &&
        !Array.from(element.querySelectorAll<HTMLElement>(selector)).some(isTabbable)
      );
    };
    const focusables = Array.from(document.body.querySelectorAll<HTMLElement>('*')).filter(
      (element) => isTabbable(element) || isScroller(element),
    );
    (document.activeElement as HTMLElement | null)?.blur();
    return focusables.map((element, index) => {
      element.dataset['e2eFocus'] = String(index);
      const style = getComputedStyle(element);
      return { outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, boxShadow: style.boxShadow };
    });
  });

/** Looks at whatever has focus now. */
const focusStop = (page: Page): Promise<FocusStop> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : undefined;
    let background = 'rgb(255, 255, 255)';
    for (let node = element?.parentElement; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) {
        background = color;
        break;
      }
    }
    const box = element?.getClientRects()[0];
    const x = box ? box.left + box.width / 2 : -1;
    const y = box ? box.top + box.height / 2 : -1;
    const inViewport = !!box && box.width > 0 && box.height > 0 && x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
    const hit = inViewport ? document.elementFromPoint(x, y) : null;
    const isDocument = !element || element === document.body || element === document.documentElement;
    return {
      index: isDocument || element.dataset['e2eFocus'] === undefined ? null : Number(element.dataset['e2eFocus']),
      label: isDocument ? '(document)' : `<${element.tagName.toLowerCase()}> "${(element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}"`,
      outline: style ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : '',
      outlineStyle: style?.outlineStyle ?? 'none',
      outlineWidth: style ? parseFloat(style.outlineWidth) : 0,
      outlineColor: style?.outlineColor ?? '',
      boxShadow: style?.boxShadow ?? 'none',
      background,
      inViewport,
      onTop: !!hit && (element === hit || !!element?.contains(hit)),
    };
  });

/** sRGB channels of a computed `rgb()`/`rgba()` colour, with alpha. */
function parseColor(color: string): [number, number, number, number] | undefined {
  const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(color);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
}

/** WCAG contrast ratio of two opaque colours. */
function contrast(a: [number, number, number, number], b: [number, number, number, number]): number {
  const luminance = ([r, g, b]: [number, number, number, number]) => {
    const [R, G, B] = [r, g, b].map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Why a focused element's indicator is not visible enough, or undefined when it is: an outline
 * (at least 2 px, 3:1 against what is behind it, unlike the unfocused look) or a new box-shadow.
 */
function focusProblem(stop: FocusStop, unfocused: { outline: string; boxShadow: string }): string | undefined {
  if (!stop.inViewport) return 'is outside the viewport';
  if (!stop.onTop) return 'is covered by another element';
  const shadowChanged = stop.boxShadow !== 'none' && stop.boxShadow !== unfocused.boxShadow;
  if (shadowChanged) return undefined;
  if (stop.outlineStyle === 'none' || stop.outlineStyle === 'hidden' || stop.outlineWidth < 2) {
    return `has no focus outline (${stop.outline}) and no focus shadow`;
  }
  if (stop.outline === unfocused.outline) return `looks the same with and without focus (${stop.outline})`;
  const outline = parseColor(stop.outlineColor);
  const behind = parseColor(stop.background);
  if (!outline || !behind) return `has colours this test cannot read (${stop.outlineColor} on ${stop.background})`;
  if (outline[3] < 1) return `has a translucent outline (${stop.outlineColor})`;
  const ratio = contrast(outline, behind);
  if (ratio < 3) return `has a focus outline with contrast ${ratio.toFixed(2)}:1 (< 3:1) against ${stop.background}`;
  return undefined;
}

describeInBrowser('keyboard only', () => {
  const site = useSite();

  describe.each(pageKinds.map((kind) => [kind.name, kind] as const))('%s', (_name, { path }) => {
    it.each(widths)('the skip link is the first Tab stop, shows itself and moves focus to main#inhalt (%i px)', async (width) => {
      const { page } = await site.visit(path, { width });
      await page.keyboard.press('Tab');
      const skip = await focusStop(page);
      expect(skip.label).toBe(`<a> "${ui.skipLink}"`);
      const shown = await page.evaluate(() => {
        const link = document.activeElement as HTMLElement;
        const box = link.getBoundingClientRect();
        const style = getComputedStyle(link);
        return {
          href: link.getAttribute('href'),
          box: { top: box.top, left: box.left, bottom: box.bottom, right: box.right, width: box.width, height: box.height },
          opacity: style.opacity,
          clip: style.clipPath,
          viewport: { width: innerWidth, height: innerHeight },
        };
      });
      expect(shown.href).toBe('#inhalt');
      expect(shown.box.width * shown.box.height, 'the focused skip link has a size').toBeGreaterThan(100);
      expect(shown.box.top, 'the focused skip link is on screen').toBeGreaterThanOrEqual(0);
      expect(shown.box.left).toBeGreaterThanOrEqual(0);
      expect(shown.box.bottom).toBeLessThanOrEqual(shown.viewport.height);
      expect(shown.box.right).toBeLessThanOrEqual(shown.viewport.width);
      expect(shown.opacity).toBe('1');
      expect(shown.clip).toBe('none');
      expect(skip.onTop, 'nothing covers the focused skip link').toBe(true);

      await page.keyboard.press('Enter');
      const target = await page.evaluate(() => ({
        hash: location.hash,
        active: document.activeElement?.matches('main#inhalt') ?? false,
        activeTag: document.activeElement?.tagName,
      }));
      expect(target.hash).toBe('#inhalt');
      expect(target.active, `focus is on main#inhalt, not on ${target.activeTag}`).toBe(true);
      // The next Tab continues inside the main content, past the header.
      await page.keyboard.press('Tab');
      const afterSkip = await page.evaluate(() => {
        const main = document.querySelector('main#inhalt');
        const active = document.activeElement;
        if (!main || !active) return false;
        return main.contains(active) || !!(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(afterSkip, 'the Tab after the skip link lands in or after main').toBe(true);
    });

    // Each width once and each scheme once: the layout decides what is on screen and in the way,
    // the scheme decides the outline's contrast. (Every pairing would double the time for little.)
    const variants = widths.map((width, i) => [width, colorSchemes[i % colorSchemes.length]!] as const);
    it.each(variants)(
      'Tab reaches every link and control once, each with a visible focus indicator, then leaves the page (%i px, %s)',
      async (width, colorScheme) => {
        const { page } = await site.visit(path, { width, colorScheme });
        const unfocused = await markFocusables(page);
        expect(unfocused.length).toBeGreaterThan(0);

        const forward: FocusStop[] = [];
        // One press per element and one to leave the page: a trap keeps focus in a cycle and never gets there.
        for (let press = 0; press <= unfocused.length; press++) {
          await page.keyboard.press('Tab');
          const stop = await focusStop(page);
          if (stop.index === null && stop.label === '(document)') break;
          forward.push(stop);
        }
        const order = forward.map((stop) => stop.index);
        expect(order, `Tab order: ${forward.map((stop) => stop.label).join(' → ')}`).toEqual(unfocused.map((_, i) => i));

        const problems = forward.flatMap((stop) => {
          const problem = focusProblem(stop, unfocused[stop.index!]!);
          return problem ? [`${stop.label} ${problem}`] : [];
        });
        expect(problems, 'focus indicators').toEqual([]);

        // Focus has left the page after the last element.
        expect((await focusStop(page)).label).toBe('(document)');

        // Shift+Tab walks the same stops back from the last one, without a trap in that direction
        // either. (It starts inside the page: where focus re-enters from the browser varies.)
        await page.focus(`[data-e2e-focus="${unfocused.length - 1}"]`);
        const backward: (number | null)[] = [];
        for (let press = 1; press < unfocused.length; press++) {
          await page.keyboard.press('Shift+Tab');
          backward.push((await focusStop(page)).index);
        }
        expect(backward, 'Shift+Tab order').toEqual(order.slice(0, -1).reverse());
      },
    );
  });
});
