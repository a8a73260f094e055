import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toDayKey } from '#lib/site/dates.ts';
import { ROOT, TMP, buildEnv } from './helpers.ts';

/** Runs one of the editors' npm scripts' entry points as `npm run …` would. */
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('npm run new', () => {
  const blogDir = join(TMP, 'cli-new');
  const env = {
    BLOG_CONTENT_DIR: blogDir,
    // git reads these like `git config user.name` set by the editor
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'user.name',
    GIT_CONFIG_VALUE_0: 'Michael Hierweck',
  };

  it('creates a draft with a transliterated name, today in Berlin, the author and the marker', () => {
    rmSync(blogDir, { recursive: true, force: true });
    const result = run('new-post.ts', ['Grüße aus Köln'], env);
    expect(result.status, result.stderr).toBe(0);
    const file = join(blogDir, 'gruesse-aus-koeln.mdx');
    const source = readFileSync(file, 'utf8');
    expect(source).toContain('title: "Grüße aus Köln"');
    expect(source).toContain(`date: ${toDayKey(new Date())}`);
    expect(source).toContain('author: michael-hierweck');
    expect(source).toContain('draft: true');
    expect(source).toContain('{/* more */}');
    expect(result.stdout).toContain('gruesse-aus-koeln.mdx');
  });

  it('shortens the file name of a very long title and keeps the title whole', () => {
    const title = `Was die Genossenschaft ${'im Rechenzentrum und für ihre Mitglieder '.repeat(7)}bewegt`;
    expect(title.length).toBeGreaterThan(280);
    const result = run('new-post.ts', [title], env);
    expect(result.status, result.stderr).toBe(0);
    const file = /Neuer Entwurf: (.*\.mdx)/.exec(result.stdout)?.[1];
    expect(file).toBeDefined();
    expect(file!.split('/').at(-1)!.length).toBeLessThanOrEqual(84);
    expect(readFileSync(join(ROOT, file!), 'utf8')).toContain(`title: "${title}"`);
  });

  it('refuses to overwrite an existing post and says so', () => {
    const file = join(blogDir, 'gruesse-aus-koeln.mdx');
    writeFileSync(file, 'mein Text');
    const result = run('new-post.ts', ['Grüße aus Köln'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Es gibt schon einen Beitrag .*gruesse-aus-koeln\.mdx\. Nichts überschrieben/);
    expect(readFileSync(file, 'utf8')).toBe('mein Text');
  });

  it('makes a folder post for images with --ordner, and asks for a title when none is given', () => {
    expect(run('new-post.ts', ['Straße mit Bildern', '--ordner'], env).status).toBe(0);
    expect(existsSync(join(blogDir, 'strasse-mit-bildern', 'index.mdx'))).toBe(true);
    const unknown = run('new-post.ts', ['Titel', '--folder'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Unbekannte Option --folder');
    // `npm run new "Titel" --ordner` without `--`: npm passes the option as npm_config_ordner.
    expect(run('new-post.ts', ['Ohne Strich'], { ...env, npm_config_ordner: 'true' }).status).toBe(0);
    expect(existsSync(join(blogDir, 'ohne-strich', 'index.mdx'))).toBe(true);
    const none = run('new-post.ts', [], env);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('Bitte einen Titel angeben');
  });
});

describe('npm run check:content', () => {
  it('passes on the real content', () => {
    const result = run('check-content.ts', []);
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/Beiträge geprüft: \d+, keine Fehler/);
  });

  it('prints one line per problem and fails; --only limits the report to the given posts', () => {
    const blogDir = join(TMP, 'cli-check');
    rmSync(blogDir, { recursive: true, force: true });
    mkdirSync(blogDir, { recursive: true });
    writeFileSync(join(blogDir, 'a.mdx'), '---\ntitle: ""\ndate: 2022-02-30\n---\n\nText\n');
    writeFileSync(join(blogDir, 'b.mdx'), '---\ntitle: "B"\ndate: 2022-02-01\nauthor: niemand\n---\n\n[x](/gibt/es/nicht/)\n');
    // The filled-in legal data, so only the posts' problems are printed.
    const result = run('check-content.ts', [], { BLOG_CONTENT_DIR: blogDir, LEGAL_CONTENT_FILE: 'tests/fixtures/legal-filled.yaml' });
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toEqual([
      'tests/.tmp/cli-check/a.mdx:2: title: ist leer; erwartet wird ein Titel als Text',
      'tests/.tmp/cli-check/a.mdx:3: date: „2022-02-30“ ist kein gültiger Tag; erwartet wird ein Tag im Format JJJJ-MM-TT, z. B. 2022-08-12',
      'tests/.tmp/cli-check/b.mdx:4: author: unbekannte Person „niemand“; erwartet wird eine Kennung aus content/authors/ (michael-hierweck, redaktion)',
      'tests/.tmp/cli-check/b.mdx:7: Link auf /gibt/es/nicht/: diese Seite gibt es nicht; erwartet wird die Adresse einer bestehenden Seite, z. B. /blog/2022/titel-des-beitrags/',
      'Beiträge geprüft: 2, 4 Fehler. Bitte beheben und erneut prüfen.',
    ]);
    const onlyB = run('check-content.ts', ['--only', 'tests/.tmp/cli-check/b.mdx'], { BLOG_CONTENT_DIR: blogDir });
    expect(onlyB.status).toBe(1);
    expect(onlyB.stdout).not.toContain('a.mdx');
    expect(onlyB.stdout).toContain('b.mdx:4');
  });

  it('is wired into git as a pre-commit hook that can be skipped', () => {
    const hook = readFileSync(join(ROOT, '.githooks/pre-commit'), 'utf8');
    expect(hook).toContain('check:content -- --staged');
    expect(hook).toContain('SKIP_CONTENT_CHECK');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['prepare']).toBe('node scripts/install-hooks.ts');
  });
});

describe('npm run build against a bare astro build', () => {
  it('astro build alone says that it wrote no search index and no compressed copies', () => {
    const dir = join(TMP, 'cli-bare-astro');
    rmSync(dir, { recursive: true, force: true });
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(dir, 'dist')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: buildEnv(join(dir, 'cache')),
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toContain('Ohne Suchindex und ohne .br/.gz-Kopien gebaut: die ganze Website baut `npm run build`.');
    expect(existsSync(join(dir, 'dist/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'dist/pagefind'))).toBe(false);
  });

  it('npm run build indexes and compresses the folder named as --out-dir=…', () => {
    const dir = join(TMP, 'cli-out-dir');
    rmSync(dir, { recursive: true, force: true });
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), `--out-dir=${join(dir, 'site')}`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: buildEnv(join(dir, 'cache')),
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toContain('Ohne Suchindex');
    expect(existsSync(join(dir, 'site/pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(dir, 'site/index.html.br'))).toBe(true);
  });
});
