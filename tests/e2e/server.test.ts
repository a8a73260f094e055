import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TMP } from '../build/helpers.ts';
import { serveStatic, type StaticServer } from './server.ts';

// Per process: engineers and CI may run the suite at the same time in one working tree.
const scratch = join(TMP, `e2e-server-${process.pid}`);
const root = join(scratch, 'dist');
let server: StaticServer;

beforeAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  await writeFile(join(scratch, 'secret.txt'), 'geheim');
  const files: Record<string, string> = {
    'index.html': '<h1>Start</h1>',
    '404.html': '<h1>Seite nicht gefunden</h1>',
    'blog/2022/beitrag/index.html': '<h1>Beitrag</h1>',
    'rss.xml': '<rss/>',
    'favicon.svg': '<svg/>',
    '_astro/a.css': 'a{}',
    '_astro/a.js': '0',
    '_astro/bild.webp': 'webp',
    '_astro/bild.avif': 'avif',
    'pagefind/pagefind-entry.json': '{}',
    // Pagefind's own data files: gzip inside, decompressed by pagefind.js, so served as bytes.
    'pagefind/wasm.de.pagefind': 'wasm',
    'pagefind/pagefind.de_0a1b.pf_meta': 'meta',
    'pagefind/index/de_0a1b.pf_index': 'index',
    'pagefind/fragment/de_0a1b.pf_fragment': 'fragment',
  };
  for (const [file, body] of Object.entries(files)) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), body);
  }
  server = await serveStatic(root);
});
afterAll(async () => {
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${server.origin}${path}`, { redirect: 'manual' });

describe('the static test server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['/', 200, 'text/html; charset=utf-8', '<h1>Start</h1>'],
    ['/blog/2022/beitrag/', 200, 'text/html; charset=utf-8', '<h1>Beitrag</h1>'],
    ['/rss.xml', 200, 'application/xml; charset=utf-8', '<rss/>'],
    ['/favicon.svg', 200, 'image/svg+xml', '<svg/>'],
    ['/_astro/a.css', 200, 'text/css; charset=utf-8', 'a{}'],
    ['/_astro/a.js', 200, 'text/javascript; charset=utf-8', '0'],
    ['/_astro/bild.webp', 200, 'image/webp', 'webp'],
    ['/_astro/bild.avif', 200, 'image/avif', 'avif'],
    ['/pagefind/pagefind-entry.json', 200, 'application/json; charset=utf-8', '{}'],
    ['/pagefind/wasm.de.pagefind', 200, 'application/octet-stream', 'wasm'],
    ['/pagefind/pagefind.de_0a1b.pf_meta', 200, 'application/octet-stream', 'meta'],
    ['/pagefind/index/de_0a1b.pf_index', 200, 'application/octet-stream', 'index'],
    ['/pagefind/fragment/de_0a1b.pf_fragment', 200, 'application/octet-stream', 'fragment'],
    ['/gibt-es-nicht/', 404, 'text/html; charset=utf-8', '<h1>Seite nicht gefunden</h1>'],
    ['/..%2fsecret.txt', 404, 'text/html; charset=utf-8', '<h1>Seite nicht gefunden</h1>'],
    ['/..%5csecret.txt', 404, 'text/html; charset=utf-8', '<h1>Seite nicht gefunden</h1>'],
    ['/%E0%A4%A', 404, 'text/html; charset=utf-8', '<h1>Seite nicht gefunden</h1>'],
  ])('answers %s with %i, %s', async (path, status, type, body) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(body);
  });

  it('redirects a directory without its slash, like a real web server', async () => {
    const response = await get('/blog/2022/beitrag?x=1');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/blog/2022/beitrag/?x=1');
  });
});
