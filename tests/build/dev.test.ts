import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '#lib/markdown/html.ts';
import { ROOT, TMP, buildEnv, freePort, withoutVitest } from './helpers.ts';

// `npm run dev` with broken posts: the preview keeps serving every other page and names the
// broken posts, with the content check's German lines, on every page and once in the terminal.

const contentDir = join(TMP, 'dev-content');
const post = (frontmatter: string, body = 'Text des Beitrags.\n') => `---\n${frontmatter}\n---\n\n${body}`;

let dev: ChildProcess | undefined;
let output = '';
let base = '';

const get = async (path: string) => {
  const response = await fetch(new URL(path, base));
  return { status: response.status, root: parseHtml(await response.text()) };
};
const problemLines = (root: ReturnType<typeof parseHtml>) => root.querySelectorAll('.preview-problems li').map((li) => li.textContent);

beforeAll(async () => {
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(contentDir, { recursive: true });
  writeFileSync(join(contentDir, 'gut.mdx'), post('title: "Ein guter Beitrag"\ndate: 2022-01-10'));
  writeFileSync(join(contentDir, 'datum.mdx'), post('title: "Deutsches Datum"\ndate: 22.06.2022'));
  writeFileSync(join(contentDir, 'kasten.mdx'), post('title: "Offener Kasten"\ndate: 2022-03-01', 'Erste Zeile.\n\n<Note>\n\nKein Ende.\n'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: withoutVitest(buildEnv(join(TMP, 'dev-cache'), { contentDir })),
  });
  dev.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (dev.exitCode !== null) throw new Error(`astro dev ended early:\n${output}`);
    // The server answers before its routes are ready (404), so wait for the index page itself.
    const up = await fetch(base).then((response) => response.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`astro dev did not answer:\n${output}`);
    await new Promise((wait) => setTimeout(wait, 300));
  }
});

afterAll(() => {
  dev?.kill('SIGKILL');
});

describe('npm run dev with broken posts', () => {
  it('serves the index and the good post, and leaves the broken ones out', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    const titles = index.root.querySelectorAll('article h2').map((h2) => h2.textContent.trim());
    expect(titles).toContain('Ein guter Beitrag');
    expect(titles).not.toContain('Offener Kasten');
    expect((await get('/blog/2022/gut/')).status).toBe(200);
    expect((await get('/impressum/')).status).toBe(200);
  });

  it('names each broken post with the check’s German line on every page, its own address included', async () => {
    for (const path of ['/', '/blog/2022/gut/', '/blog/2022/kasten/']) {
      const lines = problemLines((await get(path)).root);
      expect(lines, path).toEqual([
        expect.stringMatching(/datum\.mdx:3: date: „22\.06\.2022“ ist kein gültiger Tag; erwartet wird ein Tag im Format JJJJ-MM-TT/),
        expect.stringMatching(/kasten\.mdx:8: MDX-Syntaxfehler: eine Komponente wird nicht geschlossen/),
      ]);
    }
  });

  it('prints the problems to the terminal once, without stack traces', () => {
    expect(output.match(/Fehler in den Beiträgen \(2\); diese Beiträge fehlen in der Vorschau/g)).toHaveLength(1);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('shows a fixed post once it is saved, and drops one that breaks', async () => {
    writeFileSync(join(contentDir, 'datum.mdx'), post('title: "Deutsches Datum"\ndate: 2022-06-22'));
    writeFileSync(join(contentDir, 'gut.mdx'), post('title: "Ein guter Beitrag"\ndate: 2022-01-10\ntags: Sicherheit'));
    const deadline = Date.now() + 30_000;
    let lines: string[] = [];
    let fixed = 0;
    // The watcher picks up each change on its own time: wait until both have arrived.
    while (Date.now() < deadline) {
      lines = problemLines((await get('/')).root);
      fixed = (await get('/blog/2022/datum/')).status;
      if (fixed === 200 && lines.some((line) => line.includes('gut.mdx'))) break;
      await new Promise((wait) => setTimeout(wait, 300));
    }
    expect(lines).toEqual([
      expect.stringMatching(/gut\.mdx:4: tags: erwartet wird eine Liste von Themen/),
      expect.stringMatching(/kasten\.mdx:8: MDX-Syntaxfehler/),
    ]);
    expect(fixed).toBe(200);
  });

  it('shows an edited text on the article and in its teaser, and keeps the other posts as they were', async () => {
    const before = (await get('/blog/2022/datum/')).root.querySelector('article')?.textContent;
    writeFileSync(join(contentDir, 'gut.mdx'), post('title: "Ein guter Beitrag"\ndate: 2022-01-10', 'Ein ganz neuer erster Absatz.\n'));
    const deadline = Date.now() + 30_000;
    let article = '';
    let index = '';
    while (Date.now() < deadline) {
      article = (await get('/blog/2022/gut/')).root.querySelector('article')?.textContent ?? '';
      index = (await get('/')).root.querySelector('main')?.textContent ?? '';
      if (article.includes('Ein ganz neuer erster Absatz.') && index.includes('Ein ganz neuer erster Absatz.')) break;
      await new Promise((wait) => setTimeout(wait, 300));
    }
    expect(article).toContain('Ein ganz neuer erster Absatz.');
    expect(index).toContain('Ein ganz neuer erster Absatz.');
    expect((await get('/blog/2022/datum/')).root.querySelector('article')?.textContent).toBe(before);
  });
});
