import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TMP, buildEnv, buildSite, listFiles, type BuildResult } from './helpers.ts';

const GOOD = `---
title: "Ein guter Beitrag"
date: 2022-01-10
---

Alles in Ordnung.
`;

const post = (frontmatter: string, body = 'Text des Beitrags.\n') => `---\n${frontmatter}\n---\n\n${body}`;

/** A real image (the seed post's screenshot), to cut off for the broken-image case. */
const PNG = readFileSync(join(ROOT, 'content/blog/manchmal-faellt-das-fruehstueck-aus/monitoring.png'));

/** Broken posts an editor might commit, and what the build must say about each. */
const cases: { name: string; files: Record<string, string | Buffer>; expected: (string | RegExp)[] }[] = [
  { name: 'missing title', files: { 'ohne-titel.mdx': post('date: 2022-02-01') }, expected: ['ohne-titel.mdx', /title: fehlt; erwartet wird ein Titel/] },
  { name: 'empty title', files: { 'leerer-titel.mdx': post('title: ""\ndate: 2022-02-01') }, expected: ['leerer-titel.mdx', /title: ist leer; erwartet wird ein Titel/] },
  { name: 'missing date', files: { 'ohne-datum.mdx': post('title: "Ohne Datum"') }, expected: ['ohne-datum.mdx', /date: fehlt .*JJJJ-MM-TT/] },
  { name: 'impossible day', files: { 'unmoeglich.mdx': post('title: "Unmöglich"\ndate: 2022-02-30') }, expected: ['unmoeglich.mdx', /date: „2022-02-30“ ist kein gültiger Tag; erwartet wird .*JJJJ-MM-TT/] },
  { name: 'German date format', files: { 'deutsch.mdx': post('title: "Deutsch"\ndate: 12.08.2022') }, expected: ['deutsch.mdx', /date: „12\.08\.2022“ ist kein gültiger Tag/] },
  { name: 'draft not a boolean', files: { 'entwurf.mdx': post('title: "Entwurf"\ndate: 2022-02-01\ndraft: vielleicht') }, expected: ['entwurf.mdx', /draft: erwartet wird true oder false/] },
  { name: 'tags not a list', files: { 'themen.mdx': post('title: "Themen"\ndate: 2022-02-01\ntags: Sicherheit') }, expected: ['themen.mdx', /tags: erwartet wird eine Liste von Themen/] },
  { name: 'misspelt field', files: { 'tippfehler.mdx': post('title: "Tippfehler"\ndate: 2022-02-01\nautor: "Jemand"') }, expected: ['tippfehler.mdx', /autor: unbekanntes Feld; erlaubt sind title, date/] },
  { name: 'MDX syntax error', files: { 'syntax.mdx': post('title: "Syntax"\ndate: 2022-02-01', 'Erste Zeile.\n\nEin <Kasten ohne Ende und {offen\n') }, expected: [/syntax\.mdx:8: MDX-Syntaxfehler: das Zeichen < beginnt in MDX eine Komponente/] },
  {
    name: 'two posts at one URL',
    files: { 'grüße.mdx': post('title: "Grüße"\ndate: 2022-02-01'), 'gruesse.mdx': post('title: "Grüsse"\ndate: 2022-03-01') },
    expected: [/grüße\.mdx: gleiche Adresse \/blog\/2022\/gruesse\/ wie .*gruesse\.mdx/],
  },
  {
    name: 'unknown author',
    files: { 'fremd.mdx': post('title: "Fremd"\ndate: 2022-02-01\nauthor: niemand') },
    expected: [/fremd\.mdx:4: author: unbekannte Person „niemand“; erwartet wird eine Kennung aus content\/authors\//],
  },
  {
    name: 'two teaser markers',
    files: { 'zwei-marker.mdx': post('title: "Zwei"\ndate: 2022-02-01', 'Eins.\n\n{/* more */}\n\nZwei.\n\n{/* more */}\n\nDrei.\n') },
    expected: [/zwei-marker\.mdx:12: mehr als eine Teaser-Markierung/],
  },
  {
    name: 'image without alt text',
    files: { 'bild.mdx': post('title: "Bild"\ndate: 2022-02-01', 'Text.\n\n![](/favicon.svg)\n') },
    expected: [/bild\.mdx:8: Bild \/favicon\.svg hat keinen Alternativtext/],
  },
  {
    name: 'link to a page that does not exist',
    files: { 'link.mdx': post('title: "Link"\ndate: 2022-02-01', 'Siehe [dort](/blog/2021/gibt-es-nicht/).\n') },
    expected: [/link\.mdx:6: Link auf \/blog\/2021\/gibt-es-nicht\/: diese Seite gibt es nicht/],
  },
  {
    name: 'missing image file',
    files: { 'fehlt/index.mdx': post('title: "Fehlt"\ndate: 2022-02-01', 'Text.\n\n![Ein Bild](./gibt-es-nicht.png)\n') },
    expected: [/fehlt\/index\.mdx:8: Bilddatei \.\/gibt-es-nicht\.png nicht gefunden; erwartet wird eine Datei neben dem Beitrag/],
  },
  {
    name: 'unknown component',
    files: { 'komponente.mdx': post('title: "K"\ndate: 2022-02-01', 'Text.\n\n<Hinweis>Achtung</Hinweis>\n') },
    expected: [/komponente\.mdx:8: unbekannte Komponente <Hinweis>; erwartet wird eine dieser: <Note>/],
  },
  {
    name: 'a Markdown post',
    files: { 'neuer-beitrag.md': post('title: "Neu"\ndate: 2022-02-01') },
    expected: [/neuer-beitrag\.md: wird nicht veröffentlicht: Beiträge sind \.mdx-Dateien; erwartet wird der Name .*neuer-beitrag\.mdx/],
  },
  {
    name: 'upper-case extension and an index.md',
    files: { 'GROSS.MDX': post('title: "Groß"\ndate: 2022-02-01'), 'ordner/index.md': post('title: "Ordner"\ndate: 2022-02-02') },
    expected: [/GROSS\.MDX: wird nicht veröffentlicht: Beiträge sind \.mdx-Dateien \(Endung kleingeschrieben\)/, /ordner\/index\.md: wird nicht veröffentlicht/],
  },
  {
    name: 'a folder of images without a post, and a text file',
    files: { 'reise/foto.png': Buffer.alloc(0), 'notiz.txt': 'Idee' },
    expected: [/reise: Ordner ohne Beitrag/, /notiz\.txt: wird nicht veröffentlicht/],
  },
  {
    name: 'broken images: empty, cut off, HEIC named .jpg',
    files: {
      'bilder/index.mdx': post('title: "Bilder"\ndate: 2022-02-01\nimage:\n  src: ./leer.png\n  alt: "Leer"', '![Abgeschnitten](./halb.png)\n\n![Telefon](./foto.jpg)\n'),
      'bilder/leer.png': Buffer.alloc(0),
      'bilder/halb.png': PNG.subarray(0, Math.floor(PNG.length / 2)),
      'bilder/foto.jpg': Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)]),
    },
    expected: [
      /bilder\/index\.mdx:5: image\.src: Bild \.\/leer\.png ist leer \(0 Byte\)/,
      /bilder\/index\.mdx:9: Bild \.\/halb\.png: ist beschädigt/,
      /bilder\/index\.mdx:11: Bild \.\/foto\.jpg: ist ein HEIC-Foto/,
    ],
  },
  {
    name: 'cover without alt text',
    files: { 'cover.mdx': post('title: "Cover"\ndate: 2022-02-01\nimage:\n  src: ./cover.png') },
    expected: ['cover.mdx', /image\.alt: fehlt; erwartet wird ein Alternativtext/],
  },
];

describe('a broken post fails the build with a message an editor can act on', () => {
  // Each case fails at the content check, before Astro starts: light enough to run a few at once.
  it.concurrent.for(cases)('$name', async ({ name, files, expected }, { expect }) => {
    const contentDir = join(TMP, 'errors-content', name.replace(/\W+/g, '-'));
    rmSync(contentDir, { recursive: true, force: true });
    mkdirSync(contentDir, { recursive: true });
    writeFileSync(join(contentDir, 'gut.mdx'), GOOD);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(contentDir, file)), { recursive: true });
      writeFileSync(join(contentDir, file), text);
    }

    const result = await buildSite(`errors-${name.replace(/\W+/g, '-')}`, { contentDir });
    expect(result.code, result.output).not.toBe(0);
    for (const pattern of expected) {
      // On failure, show the end of the build log: that is what the editor would read.
      if (typeof pattern === 'string') expect(result.output, result.output.slice(-2000)).toContain(pattern);
      else expect(result.output, result.output.slice(-2000)).toMatch(pattern);
    }
    // No half site: `npm run build` removes the output folder and says so.
    expect(existsSync(result.outDir), listFiles(dirname(result.outDir)).join('\n')).toBe(false);
    expect(result.output).toMatch(/Build fehlgeschlagen \(.*\): .*dist\/ wurde entfernt, damit keine halbe Website liegen bleibt/);
  });
});

/** A dozen broken posts of the two kinds in issue 13: a German date, and an unclosed <Note>. */
const BROKEN: Record<string, string> = Object.fromEntries(
  Array.from({ length: 6 }, (_, i) => [
    [`datum-${i + 1}.mdx`, post(`title: "Datum ${i + 1}"\ndate: 22.06.2022`)],
    [`hinweis-${i + 1}.mdx`, post(`title: "Hinweis ${i + 1}"\ndate: 2022-06-22`, 'Text.\n\n<Note>\nNie geschlossen.\n')],
  ]).flat(),
);

/** Long enough for a cold failing build on a busy machine; a build that hangs never ends. */
const FAILING_BUILD_TIMEOUT_MS = 60_000;

describe('a failing build always ends', () => {
  const contentDir = join(TMP, 'errors-content', 'a-dozen-broken-posts');

  /** One failing build from a cold start: its own empty build cache and Node compile cache, as in a fresh clone. */
  const failingBuild = (name: string, env: Record<string, string> = {}) =>
    buildSite(name, {
      contentDir,
      timeoutMs: FAILING_BUILD_TIMEOUT_MS,
      env: { NODE_COMPILE_CACHE: join(TMP, name, 'compile-cache'), ...env },
    });

  const expectFailedCleanly = (result: BuildResult) => {
    const log = result.output.slice(-3000);
    expect(result.timedOut, `still running after ${FAILING_BUILD_TIMEOUT_MS} ms:\n${log}`).toBe(false);
    expect(result.code, log).toBe(1);
    expect(result.output, log).toContain('Fehler in den Beiträgen (12), nichts gebaut');
    expect(result.output, log).toMatch(/datum-6\.mdx:3: date: „22\.06\.2022“ ist kein gültiger Tag/);
    expect(result.output, log).toMatch(/hinweis-6\.mdx:\d+: MDX-Syntaxfehler: eine Komponente wird nicht geschlossen/);
    expect(result.output, log).toMatch(/Build fehlgeschlagen \(astro build endete mit Exit-Code 1\): .*dist\/ wurde entfernt/);
    expect(existsSync(result.outDir), listFiles(dirname(result.outDir)).join('\n')).toBe(false);
  };

  beforeAll(() => {
    rmSync(contentDir, { recursive: true, force: true });
    mkdirSync(contentDir, { recursive: true });
    writeFileSync(join(contentDir, 'gut.mdx'), GOOD);
    for (const [file, text] of Object.entries(BROKEN)) writeFileSync(join(contentDir, file), text);
  });

  // Issue 13: some cold failing builds printed the errors and then never ended. Twenty of them,
  // two at a time, each from a cold start.
  it('ends every time with exit code 1, the German messages and no output folder', async () => {
    const results: BuildResult[] = [];
    for (let round = 0; round < 10; round += 1) {
      results.push(...(await Promise.all([0, 1].map((slot) => failingBuild(`ends-${round}-${slot}`)))));
    }
    const hung = results.filter((result) => result.timedOut).length;
    expect(hung, `${hung} of ${results.length} failing builds did not end`).toBe(0);
    for (const result of results) expectFailedCleanly(result);
  });

  // The hang itself is rare, so this makes it certain: Astro's process reports the errors and then
  // hangs inside Node's exit, as in the issue (tests/fixtures/hang-at-exit.mjs).
  it('ends with exit code 1 even when Astro\'s process hangs after its errors', async () => {
    const fixture = pathToFileURL(join(ROOT, 'tests/fixtures/hang-at-exit.mjs')).href;
    const result = await failingBuild('ends-hung-at-exit', { NODE_OPTIONS: `--import ${fixture}` });
    expectFailedCleanly(result);
    expect(result.output).toContain('astro build war mit Exit-Code 1 fertig, sein Prozess blieb danach aber in Node.js hängen und wurde beendet.');
  });
});

describe('an interrupted build', () => {
  it('stops Astro and removes the output folder, so no half site is left to deploy', async () => {
    const outDir = join(TMP, 'interrupted', 'dist');
    rmSync(join(TMP, 'interrupted'), { recursive: true, force: true });
    mkdirSync(join(TMP, 'interrupted', 'cache'), { recursive: true });
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', outDir], {
      cwd: ROOT,
      env: buildEnv(join(TMP, 'interrupted', 'cache')),
    });
    let output = '';
    let outputBeforeKill: boolean | undefined;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      // As an editor's Ctrl+C or a CI timeout would: once pages are being written.
      if (outputBeforeKill === undefined && /generating static routes[\s\S]*\.html/.test(output)) {
        outputBeforeKill = existsSync(outDir);
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const code = await new Promise<number | null>((resolveExit) => child.on('close', resolveExit));
    expect(outputBeforeKill, output).toBe(true);
    // 128 + 15, as a shell reports a process ended by SIGTERM.
    expect(code, output).toBe(143);
    expect(output).toContain('Build fehlgeschlagen (astro build abgebrochen durch SIGTERM)');
    expect(existsSync(outDir)).toBe(false);
  });
});
