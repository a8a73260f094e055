import { describe, expect, it } from 'vitest';
import { describeInBrowser, scrollThrough, useSite } from './harness.ts';
import { pageKinds } from './pages.ts';

describeInBrowser('privacy and hygiene', () => {
  const site = useSite();

  describe.each(pageKinds.map((kind) => [kind.name, kind] as const))('%s', (_name, { path, ...kind }) => {
    it('talks only to its own origin, sets no cookies, stores nothing and logs no errors', async () => {
      const visit = await site.visit(path);
      expect(visit.response?.status()).toBe('status' in kind ? kind.status : 200);
      // Lazy images and anything else below the fold load only when scrolled to.
      await scrollThrough(visit.page);
      expect(visit.requests.length, 'the page loaded something').toBeGreaterThan(0);
      expect(visit.foreignRequests(), `requests leaving ${site.origin}`).toEqual([]);
      expect(await visit.context.cookies(), 'cookies').toEqual([]);
      const storage = await visit.page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
      expect(storage, 'web storage').toEqual({ local: 0, session: 0 });
      expect(visit.errors, 'console and page errors').toEqual([]);
    });
  });
});
