import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { listFiles } from '#lib/content/files.ts';
import { site } from '#src/site.ts';
import { yearOf } from '#lib/site/dates.ts';
import { ROOT, TMP, buildEnv, copyProject, freePort, withoutVitest } from '../build/helpers.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { describeInBrowser } from './harness.ts';

// The web editor as an editor uses it: `npm run redaktion` on a copy of the project (Decap's real
// local backend and the dev preview, both on 127.0.0.1), driven in Chromium. Every post opens,
// takes a change and is saved back byte for byte; a new post with topics, a paragraph, a note box
// and a cover image lands in content/blog/ and passes the check; a save the check would refuse is
// stopped with the check's words; nothing leaves 127.0.0.1.

const WORK = join(TMP, 'editor');
const PROJECT = join(WORK, 'project');
const BLOG = join(PROJECT, 'content/blog');
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const IMAGE = join(WORK, 'serverraum.png');
/** A post whose table the rich text could not keep: it must open read-only. */
const TABLE_POST = 'mit-tabelle.mdx';
const TABLE_SOURCE = '---\ntitle: "Preise im Überblick"\ndate: 2022-02-02\n---\n\nDie Pakete:\n\n| Paket | Speicher |\n| ----- | -------- |\n| S | 10 GB |\n';

let editor: ChildProcess | undefined;
let output = '';
let origin = '';
let browser: Browser | undefined;
let page: Page;
const requests: string[] = [];
const originals = new Map<string, string>();
/** Every file of the copy's blog folder before the editor saved anything. */
let filesBefore = new Set<string>();

/** Saves a screenshot of the editor to this run's screenshot folder (tests/e2e/global-setup.ts). */
async function photograph(name: string): Promise<void> {
  const setup = inject('e2e');
  if (!setup) return;
  await mkdir(setup.screenshotDir, { recursive: true });
  await page.screenshot({ path: join(setup.screenshotDir, `editor-${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The post files of the copy, relative to its blog folder. */
const postFiles = () => listFiles(BLOG).filter((path) => path.endsWith('.mdx'));
/** Decap's address of a post: its path without `.mdx`. */
const entryUrl = (path: string) => `/admin/#/collections/blog/entries/${path.replace(/\.mdx$/, '')}`;

async function openEntry(path: string): Promise<void> {
  await page.goto(`${origin}${entryUrl(path)}`);
  await page.reload();
  await page.locator('[data-slate-editor="true"], [data-readonly]').first().waitFor();
}

async function publish(): Promise<void> {
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await page.getByText('Jetzt veröffentlichen').click();
}

/** Types into the body and takes it back: the rich text writes the whole body anew. */
async function touchBody(): Promise<void> {
  // Pauses let the editor follow the caret (it reads the selection when the browser reports it).
  await page.locator('[data-slate-editor="true"]').first().locator('p').first().click();
  await page.waitForTimeout(300);
  await page.keyboard.press('Home');
  await page.waitForTimeout(300);
  await page.keyboard.type('x');
  await page.waitForTimeout(300);
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(300);
}

const checkContent = () =>
  spawnSync(process.execPath, [join(PROJECT, 'scripts/check-content.ts')], { cwd: PROJECT, encoding: 'utf8', env: withoutVitest(process.env) });

describeInBrowser('the web editor (npm run redaktion)', () => {
  beforeAll(async () => {
    rmSync(WORK, { recursive: true, force: true });
    copyProject(ROOT, PROJECT);
    writeFileSync(join(BLOG, TABLE_POST), TABLE_SOURCE);
    for (const path of postFiles()) originals.set(path, readFileSync(join(BLOG, path), 'utf8'));
    filesBefore = new Set(listFiles(BLOG));
    const sharp = (await import('sharp')).default;
    await sharp({ create: { width: 960, height: 540, channels: 3, background: '#0b5c7a' } }).png().toFile(IMAGE);

    const backendFree = await fetch(`http://127.0.0.1:${site.editor.localPort}/`).then(() => false, () => true);
    if (!backendFree) throw new Error(`Port ${site.editor.localPort} (site.editor.localPort) ist belegt; der lokale Speicherdienst braucht ihn`);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    editor = spawn(process.execPath, [join(PROJECT, 'scripts/redaktion.ts'), '--ohne-browser', '--port', String(port)], {
      cwd: PROJECT,
      env: withoutVitest(buildEnv(join(WORK, 'cache'))),
    });
    editor.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    editor.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 150_000;
    while (!output.includes('✓ Redaktion:')) {
      if (editor.exitCode !== null) throw new Error(`npm run redaktion ended early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm run redaktion did not get ready:\n${output}`);
      await new Promise((wait) => setTimeout(wait, 300));
    }

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    context.on('request', (request) => requests.push(request.url()));
    await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('blockedbyclient'));
    page = await context.newPage();
    await page.goto(`${origin}/admin/`);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByText('Beiträge', { exact: true }).first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    editor?.kill('SIGTERM');
  });

  it('starts the preview and the local backend on 127.0.0.1 and says where the editor is', () => {
    expect(output).toContain(`✓ Redaktion: ${origin}/admin/`);
  });

  it('saves every post it can edit back byte for byte after a change in its text', async () => {
    const edited: string[] = [];
    for (const path of postFiles()) {
      if (path === TABLE_POST) continue;
      await openEntry(path);
      expect(await page.locator('[data-readonly]').count(), path).toBe(0);
      await touchBody();
      await publish();
      await page.getByText('Beitrag gespeichert').first().waitFor();
      edited.push(path);
      expect(readFileSync(join(BLOG, path), 'utf8'), path).toBe(originals.get(path));
    }
    expect(edited.length).toBe(originals.size - 1);
  });

  it('opens a post with a table read-only, says why, and saves its text unchanged', async () => {
    await openEntry(TABLE_POST);
    await expect.poll(() => page.locator('[data-readonly]').innerText()).toContain('Enthalten ist eine Tabelle.');
    await photograph('read-only');
    await page.getByLabel('Kurzbeschreibung').fill('Was die Pakete kosten und bieten.');
    await publish();
    await page.getByText('Beitrag gespeichert').first().waitFor();
    expect(readFileSync(join(BLOG, TABLE_POST), 'utf8')).toBe(TABLE_SOURCE.replace('date: 2022-02-02\n', 'date: 2022-02-02\ndescription: "Was die Pakete kosten und bieten."\n'));
  });

  it('creates a post with topics, a paragraph, a note box and a cover image, which the check accepts and the preview shows', async () => {
    await page.goto(`${origin}/admin/#/collections/blog/new`);
    await page.reload();
    await page.getByLabel('Titel').fill('Neuer Serverraum in Betrieb');
    await page.getByLabel('Themen').fill('Rechenzentrum, Betrieb');
    await page.getByRole('button', { name: 'Wähle ein Bild' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('Hochladen', { exact: true }).click();
    await (await chooser).setFiles(IMAGE);
    await page.getByRole('button', { name: 'Ausgewähltes Element verwenden' }).click();
    await page.getByLabel('Alternativtext').fill('Blaue Fläche als Platzhalter für ein Foto des Serverraums');
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type('Seit Montag laufen die ersten Server im neuen Raum {mit Klimatisierung} und a < b.', { delay: 5 });
    await page.getByTitle('Komponente hinzufügen').click();
    await page.getByText('Hinweiskasten', { exact: true }).last().click();
    await page.getByLabel('Überschrift (ohne Angabe: „Hinweis“)').fill('Gut zu wissen');
    await page.locator('[data-slate-editor="true"]').nth(1).click();
    await page.keyboard.type('Wartungsfenster kündigen wir vorher an.', { delay: 5 });
    await photograph('new-post');
    await publish();
    await page.getByText('Beitrag gespeichert').first().waitFor();

    const folder = join(BLOG, 'neuer-serverraum-in-betrieb');
    expect(listFiles(folder).sort()).toEqual(['index.mdx', 'serverraum.png']);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
    expect(readFileSync(join(folder, 'index.mdx'), 'utf8')).toBe(
      [
        '---',
        'title: "Neuer Serverraum in Betrieb"',
        `date: ${today}`,
        'tags: ["Rechenzentrum", "Betrieb"]',
        'image:',
        '  src: ./serverraum.png',
        '  alt: "Blaue Fläche als Platzhalter für ein Foto des Serverraums"',
        '---',
        '',
        'Seit Montag laufen die ersten Server im neuen Raum \\{mit Klimatisierung\\} und a \\< b.',
        '',
        '<Note title="Gut zu wissen">',
        '',
        'Wartungsfenster kündigen wir vorher an.',
        '',
        '</Note>',
        '',
      ].join('\n'),
    );
    const check = checkContent();
    expect(check.status, check.stdout + check.stderr).toBe(0);

    const articleUrl = `${origin}/blog/${today.slice(0, 4)}/neuer-serverraum-in-betrieb/`;
    await expect.poll(async () => (await fetch(articleUrl)).status, { timeout: 30_000 }).toBe(200);
    const article = await page.context().newPage();
    await article.goto(articleUrl);
    expect(await article.locator('h1').innerText()).toBe('Neuer Serverraum in Betrieb');
    expect(await article.locator('article').innerText()).toContain('im neuen Raum {mit Klimatisierung} und a < b.');
    expect(await article.locator('aside.note').innerText()).toContain('Wartungsfenster kündigen wir vorher an.');
    expect(await article.locator('img[alt="Blaue Fläche als Platzhalter für ein Foto des Serverraums"]').count()).toBe(1);
    await article.close();
  });

  it('edits the new post again', async () => {
    await openEntry('neuer-serverraum-in-betrieb/index.mdx');
    await page.getByLabel('Kurzbeschreibung').fill('Der neue Serverraum ist in Betrieb.');
    await publish();
    await page.getByText('Beitrag gespeichert').first().waitFor();
    expect(readFileSync(join(BLOG, 'neuer-serverraum-in-betrieb/index.mdx'), 'utf8')).toContain('description: "Der neue Serverraum ist in Betrieb."\nimage:');
    expect(checkContent().status).toBe(0);
  });

  it('refuses a save the check would refuse, with the check’s words, and changes nothing', async () => {
    const file = join(BLOG, 'neuer-serverraum-in-betrieb/index.mdx');
    const before = readFileSync(file, 'utf8');
    await openEntry('neuer-serverraum-in-betrieb/index.mdx');
    await page.getByLabel('Titel').fill('');
    await page.getByLabel('Alternativtext').fill('');
    await publish();
    const problems = page.locator('#editor-problems');
    await expect.poll(() => problems.isVisible()).toBe(true);
    expect((await problems.locator('li').allInnerTexts()).map((line) => line.trim())).toEqual([
      'Titel (title): fehlt; erwartet wird ein Titel als Text',
      'Titelbild › Alternativtext (image.alt): fehlt; erwartet wird ein Alternativtext, der beschreibt, was das Bild zeigt',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    await photograph('refused-save');

    // The editor's own page passes axe, with the problems in view.
    await page.addScriptTag({ path: AXE_SCRIPT });
    const results = await page.evaluate(() =>
      (window as unknown as { axe: { run: (context: object, options: object) => Promise<AxeResults> } }).axe.run(
        { include: [['#editor-problems']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
      ),
    );
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.title()).toBe(`Redaktion | ${site.name}`);
    await page.getByRole('button', { name: 'Meldungen schließen' }).click();
    await expect.poll(() => problems.isVisible()).toBe(false);
  });

  it('leaves no file behind but the posts it saved', () => {
    expect(existsSync(join(PROJECT, 'content/blog/neuer-serverraum-in-betrieb/index.mdx'))).toBe(true);
    expect(listFiles(BLOG).filter((path) => !filesBefore.has(path)).sort()).toEqual(['neuer-serverraum-in-betrieb/index.mdx', 'neuer-serverraum-in-betrieb/serverraum.png']);
  });

  it('builds: the new post is an article with its note box and cover image', () => {
    const outDir = join(WORK, 'dist');
    const result = spawnSync(process.execPath, [join(PROJECT, 'scripts/build.ts'), '--outDir', outDir], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: withoutVitest(buildEnv(join(WORK, 'build-cache'))),
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    // Saved today, so its address has this year in Berlin.
    const article = readFileSync(join(outDir, `blog/${yearOf(new Date())}/neuer-serverraum-in-betrieb/index.html`), 'utf8');
    expect(article).toContain('<h1');
    expect(article).toContain('Wartungsfenster kündigen wir vorher an.');
    expect(article).toContain('im neuen Raum {mit Klimatisierung} und a &lt; b.');
    expect(article).toMatch(/<img[^>]+alt="Blaue Fläche als Platzhalter für ein Foto des Serverraums"/);
  });

  it('sends no request beyond 127.0.0.1', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => !/^(?:http:\/\/127\.0\.0\.1:|data:|blob:)/.test(url))).toEqual([]);
  });
});
