import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TMP } from '../build/helpers.ts';

const target = join(TMP, 'deploy-target');
const contentDir = join(TMP, 'deploy-content');
let run = 0;

const post = (title: string, date: string, extra = '', body = 'Ein Absatz.\n\n{/* more */}\n\n## Mehr\n\nDer Rest.\n') =>
  `---\ntitle: "${title}"\ndate: ${date}\n${extra}---\n\n${body}`;

/** Runs `npm run deploy` (or rollback) as a child process, the way CI does. */
function runScript(script: 'deploy' | 'rollback', env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  run += 1;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', `${script}.ts`)], {
      cwd: ROOT,
      env: {
        ...process.env,
        DEPLOY_TARGET: target,
        BLOG_CONTENT_DIR: contentDir,
        // Each build of other content gets its own cache, so builds never mix.
        ASTRO_CACHE_DIR: join(TMP, 'deploy-cache', String(run)),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const current = () => readlinkSync(join(target, 'current'));
const releases = () => readdirSync(join(target, 'releases')).sort();
const published = (path: string) => readFileSync(join(target, 'current', path), 'utf8');

function hasRsync(): boolean {
  return (process.env['PATH'] ?? '').split(':').some((dir) => existsSync(join(dir, 'rsync')));
}

const rsync = hasRsync();
if (!rsync) {
  const message = 'rsync is not installed (Debian: apt-get install rsync), so the deploy tests cannot run.';
  if (process.env['CI']) throw new Error(`${message} CI must install it (.ci/run).`);
  console.warn(`\n${'!'.repeat(100)}\n!! SKIPPING THE DEPLOY TESTS. ${message}\n${'!'.repeat(100)}\n`);
}

beforeAll(() => {
  rmSync(target, { recursive: true, force: true });
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(join(TMP, 'deploy-cache'), { recursive: true, force: true });
  mkdirSync(contentDir, { recursive: true });
  writeFileSync(join(contentDir, 'erster-beitrag.mdx'), post('Erster Beitrag', '2022-01-10'));
  writeFileSync(join(contentDir, 'geheimer-entwurf.mdx'), post('Geheimer Entwurf', '2022-01-11', 'draft: true\n'));
});

describe.skipIf(!rsync)('npm run deploy and npm run rollback into a local folder', () => {
  let first = '';
  let second = '';

  it('publishes a verified build as a release and points current at it', async () => {
    const result = await runScript('deploy');
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('▶ Prüfe den Build');
    expect(result.output).toMatch(/✓ Veröffentlicht: .*current → releases\//);
    expect(releases()).toHaveLength(1);
    first = releases()[0]!;
    expect(current()).toBe(`releases/${first}`);
    expect(published('index.html')).toContain('Erster Beitrag');
    expect(published('index.html')).not.toContain('Geheimer Entwurf');
    for (const file of ['404.html', 'rss.xml', '.htaccess', 'index.html.br', 'index.html.gz', 'impressum/index.html']) {
      expect(existsSync(join(target, 'current', file)), file).toBe(true);
    }
    expect(existsSync(join(target, 'current', 'aliases.json'))).toBe(false);
  });

  it('publishes a second release beside the first, and rollback switches back to it', async () => {
    writeFileSync(join(contentDir, 'zweiter-beitrag.mdx'), post('Zweiter Beitrag', '2022-02-10'));
    const result = await runScript('deploy');
    expect(result.code, result.output).toBe(0);
    expect(releases()).toHaveLength(2);
    second = releases()[1]!;
    expect(second > first).toBe(true);
    expect(current()).toBe(`releases/${second}`);
    expect(published('index.html')).toContain('Zweiter Beitrag');
    // Unchanged files are hard links into the previous release, not copies.
    const favicon = (release: string) => join(target, 'releases', release, 'favicon.svg');
    expect(statSync(favicon(second)).ino).toBe(statSync(favicon(first)).ino);

    const rollback = await runScript('rollback');
    expect(rollback.code, rollback.output).toBe(0);
    expect(rollback.output).toContain(`current → releases/${first} (vorher ${second})`);
    expect(current()).toBe(`releases/${first}`);
    expect(published('index.html')).not.toContain('Zweiter Beitrag');
    expect(releases()).toEqual([first, second]);

    const again = await runScript('rollback');
    expect(again.code).toBe(1);
    expect(again.output).toContain('kein älteres Release');
    expect(current()).toBe(`releases/${first}`);
  });

  it('leaves current untouched when the build fails halfway', async () => {
    const before = current();
    writeFileSync(join(contentDir, 'kaputt.mdx'), post('', '2022-03-01'));
    const result = await runScript('deploy');
    rmSync(join(contentDir, 'kaputt.mdx'));
    expect(result.code).toBe(1);
    expect(result.output).toContain('kaputt.mdx');
    expect(result.output).toContain('✗ Veröffentlichung abgebrochen: Der Build ist fehlgeschlagen');
    expect(result.output).toContain('Die veröffentlichte Seite bleibt unverändert.');
    expect(current()).toBe(before);
    expect(releases()).toEqual([first, second]);
  });

  it('leaves current untouched when the finished build fails verification', async () => {
    const before = current();
    // A link computed in MDX passes the build's own content checks (they read links as written),
    // but leads nowhere in the finished site.
    writeFileSync(join(contentDir, 'toter-link.mdx'), post('Toter Link', '2022-04-01', '', 'Siehe <a href={"/gibt-es-" + "nicht/"}>hier</a>.\n'));
    const result = await runScript('deploy');
    rmSync(join(contentDir, 'toter-link.mdx'));
    expect(result.code).toBe(1);
    expect(result.output).toContain('✗ Veröffentlichung abgebrochen: Der Build hat');
    expect(result.output).toContain('blog/2022/toter-link/index.html: Link auf /gibt-es-nicht/ führt ins Leere');
    expect(result.output).toContain('Die veröffentlichte Seite bleibt unverändert.');
    expect(current()).toBe(before);
    expect(releases()).toEqual([first, second]);
  });

  it('says what is missing without a target', async () => {
    const result = await runScript('deploy', { DEPLOY_TARGET: '' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('DEPLOY_TARGET fehlt');
  });
});

describe.skipIf(!rsync)('npm run deploy to user@host:path', () => {
  it('copies with rsync over ssh and switches current with commands on the host', async () => {
    // A stand-in for ssh that runs the command on this machine: the remote code path without a server.
    const fakeSsh = join(TMP, 'deploy-fake-ssh');
    writeFileSync(
      fakeSsh,
      [
        '#!/bin/sh',
        'while [ $# -gt 0 ]; do',
        '  case "$1" in -l|-p|-o|-i) shift 2 ;; -*) shift ;; *) shift; break ;; esac',
        'done',
        'exec sh -c "$*"',
        '',
      ].join('\n'),
    );
    chmodSync(fakeSsh, 0o755);
    const remoteDir = join(TMP, 'deploy-remote');
    rmSync(remoteDir, { recursive: true, force: true });

    const env = { DEPLOY_TARGET: `blog@server.example:${remoteDir}`, DEPLOY_SSH: fakeSsh };
    const result = await runScript('deploy', env);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(`✓ Veröffentlicht: blog@server.example:${remoteDir}/current → releases/`);
    const [release] = readdirSync(join(remoteDir, 'releases'));
    expect(readlinkSync(join(remoteDir, 'current'))).toBe(`releases/${release}`);
    expect(existsSync(join(remoteDir, 'current', 'index.html'))).toBe(true);

    const rollback = await runScript('rollback', env);
    expect(rollback.code).toBe(1);
    expect(rollback.output).toContain('kein älteres Release');
  });
});
