import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TMP } from '../build/helpers.ts';

const target = join(TMP, 'deploy-target');
const contentDir = join(TMP, 'deploy-content');

const post = (title: string, date: string, extra = '', body = 'Ein Absatz.\n\n{/* more */}\n\n## Mehr\n\nDer Rest.\n') =>
  `---\ntitle: "${title}"\ndate: ${date}\n${extra}---\n\n${body}`;

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

interface Started {
  child: ChildProcess;
  pid: number;
  /** Output so far. */
  output(): string;
  done: Promise<Finished>;
}

/** Children still running, ended after each test so a failed test leaves no deploy behind. */
const running = new Set<Started>();

/**
 * Starts `npm run deploy` (or rollback) as a child process, the way CI does, in a process group
 * of its own, so a test can kill it with everything it started (`killGroup`).
 */
function startScript(script: 'deploy' | 'rollback', env: Record<string, string> = {}, args: string[] = []): Started {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      DEPLOY_TARGET: target,
      BLOG_CONTENT_DIR: contentDir,
      // A complete Impressum: with the placeholders the project ships, the deploy refuses.
      LEGAL_CONTENT_FILE: 'tests/fixtures/legal-filled.yaml',
      // Deploys one after another keep one build cache, as on a machine that deploys: their
      // builds are incremental across the tests' contents. A deploy that starts while another
      // runs gets a cache of its own, so two builds never write to one cache at once.
      ASTRO_CACHE_DIR: join(TMP, 'deploy-cache', String(running.size)),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started: Started = {
    child,
    pid: child.pid ?? 0,
    output: () => output,
    done: new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => {
        running.delete(started);
        resolve({ code, signal, output });
      });
    }),
  };
  running.add(started);
  return started;
}

/** Runs `npm run deploy` (or rollback) to its end. */
const runScript = (script: 'deploy' | 'rollback', env: Record<string, string> = {}, args: string[] = []): Promise<Finished> =>
  startScript(script, env, args).done;

/** Kills a started script and everything it started, as a killed job or a closed session would. */
const killGroup = (started: Started) => process.kill(-started.pid, 'SIGKILL');

afterEach(async () => {
  for (const started of running) {
    killGroup(started);
    await started.done;
  }
});

/** Polls until `condition` holds. */
async function waitFor(what: string, condition: () => boolean, timeout = 120_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
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

  it('refuses an Impressum with placeholders, naming each field at its line, and publishes nothing', async () => {
    const before = current();
    const result = await runScript('deploy', { LEGAL_CONTENT_FILE: 'content/site/legal.yaml' });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/✗ Veröffentlichung abgebrochen: Impressum und Datenschutzerklärung enthalten noch \d+ Platzhalter/);
    expect(result.output).toMatch(/content\/site\/legal\.yaml:\d+: address\.street: ist noch ein Platzhalter/);
    expect(result.output).toMatch(/content\/site\/legal\.yaml:\d+: registerNumber: ist noch ein Platzhalter/);
    expect(result.output).toContain('npm run deploy -- --staging');
    expect(result.output).not.toContain('▶ Baue die Website');
    expect(current()).toBe(before);
  });

  it('refuses a build without the content check, and an unknown option', async () => {
    const unchecked = await runScript('deploy', { BLOG_SKIP_CONTENT_CHECK: '1' });
    expect(unchecked.code).toBe(1);
    expect(unchecked.output).toContain('BLOG_SKIP_CONTENT_CHECK=1 baut ohne Prüfung der Beiträge; veröffentlicht wird nur ein geprüfter Build.');
    const unknown = await runScript('deploy', {}, ['--stagin']);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('Unbekannte Option --stagin; erlaubt ist nur --staging.');
  });

  it('leaves current untouched when the finished build fails verification', async () => {
    const before = current();
    // A link computed in MDX leads nowhere in the finished site. The content check refuses such
    // code; here it is skipped (allowed for a staging target only) to show the verification
    // behind it holds too.
    writeFileSync(join(contentDir, 'toter-link.mdx'), post('Toter Link', '2022-04-01', '', 'Siehe <a href={"/gibt-es-" + "nicht/"}>hier</a>.\n'));
    const result = await runScript('deploy', { BLOG_SKIP_CONTENT_CHECK: '1', LEGAL_CONTENT_FILE: 'content/site/legal.yaml' }, ['--staging']);
    rmSync(join(contentDir, 'toter-link.mdx'));
    expect(result.output).toMatch(/⚠ --staging: \d+ Platzhalter in content\/site\/legal\.yaml werden mitveröffentlicht/);
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

/** A stand-in for ssh that runs the command on this machine: the remote code path without a server. */
function fakeSsh(): string {
  const path = join(TMP, 'deploy-fake-ssh');
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'while [ $# -gt 0 ]; do',
      '  case "$1" in -l|-p|-o|-i) shift 2 ;; -*) shift ;; *) shift; break ;; esac',
      'done',
      'exec sh -c "$*"',
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return path;
}

describe.skipIf(!rsync)('npm run deploy to user@host:path', () => {
  it('copies with rsync over ssh and switches current with commands on the host', async () => {
    const remoteDir = join(TMP, 'deploy-remote');
    rmSync(remoteDir, { recursive: true, force: true });

    const env = { DEPLOY_TARGET: `blog@server.example:${remoteDir}`, DEPLOY_SSH: fakeSsh() };
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

/**
 * An rsync on PATH in front of the real one, for the deploy's copy (not for the receiving side
 * over the ssh stand-in): it waits while the gate file exists, so a test decides when the copy
 * goes on. With DEPLOY_TEST_GATE_HALF it first copies everything but the pages, so the copy is
 * caught halfway. It creates `<gate>.reached` when it starts waiting.
 */
function gatedRsync(): string {
  const real = (process.env['PATH'] ?? '').split(':').map((dir) => join(dir, 'rsync')).find((path) => existsSync(path));
  const bin = join(TMP, 'deploy-gated-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'rsync'),
    [
      '#!/bin/sh',
      `case "$1" in --server) exec '${real}' "$@" ;; esac`,
      `if [ -n "$DEPLOY_TEST_GATE_HALF" ]; then '${real}' --exclude='*.html' "$@" || exit $?; fi`,
      ': > "$DEPLOY_TEST_GATE.reached"',
      'while [ -e "$DEPLOY_TEST_GATE" ]; do sleep 0.1; done',
      `exec '${real}' "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(join(bin, 'rsync'), 0o755);
  return bin;
}

/** A closed gate for one deploy's copy, and the environment that routes its rsync through it. */
function gate(name: string, options: { half?: boolean } = {}) {
  const path = join(TMP, `deploy-gate-${name}`);
  rmSync(`${path}.reached`, { force: true });
  writeFileSync(path, '');
  const env: Record<string, string> = { PATH: `${gatedRsync()}:${process.env['PATH']}`, DEPLOY_TEST_GATE: path };
  if (options.half) env['DEPLOY_TEST_GATE_HALF'] = '1';
  return { env, reached: () => existsSync(`${path}.reached`), open: () => rmSync(path, { force: true }) };
}

const targets = [
  { kind: 'a local folder', remote: false },
  { kind: 'user@host:path over ssh', remote: true },
];

describe.skipIf(!rsync).each(targets)('two deploys at once to $kind', ({ remote }) => {
  /** A fresh target with its own posts; `env` points deploy and rollback at it. */
  function fresh(name: string) {
    const dir = join(TMP, `deploy-lock-${remote ? 'remote' : 'local'}-${name}`);
    const content = `${dir}-content`;
    rmSync(dir, { recursive: true, force: true });
    rmSync(content, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    writeFileSync(join(content, 'erster-beitrag.mdx'), post('Erster Beitrag', '2022-01-10'));
    const env: Record<string, string> = { DEPLOY_TARGET: remote ? `blog@server.example:${dir}` : dir, BLOG_CONTENT_DIR: content };
    if (remote) env['DEPLOY_SSH'] = fakeSsh();
    const entries = () => (existsSync(join(dir, 'releases')) ? readdirSync(join(dir, 'releases')).sort() : []);
    return {
      dir,
      content,
      env,
      entries,
      current: () => readlinkSync(join(dir, 'current')),
      file: (path: string) => readFileSync(join(dir, 'current', path), 'utf8'),
      owner: () => readFileSync(join(dir, '.deploy-lock', 'owner'), 'utf8'),
      /** Nothing of a lock or an unfinished copy is left on the target. */
      expectClean() {
        expect(readdirSync(dir).filter((entry) => entry.startsWith('.deploy-lock'))).toEqual([]);
        expect(entries().filter((entry) => /\.(partial|deleting)$/.test(entry))).toEqual([]);
        expect(readdirSync(dir).filter((entry) => entry.startsWith('.current'))).toEqual([]);
      },
    };
  }

  it('serialises them: the second waits for the lock and publishes after the first', async () => {
    const t = fresh('both');
    const held = gate('both');
    const first = startScript('deploy', { ...t.env, ...held.env });
    await waitFor('the first deploy to hold the lock and start copying', held.reached);
    expect(t.owner()).toContain(`pid=${first.pid}\n`);
    const heartbeat = readFileSync(join(t.dir, '.deploy-lock', 'heartbeat'), 'utf8');

    const second = startScript('deploy', t.env);
    await waitFor('the second deploy to wait', () => second.output().includes('Warte bis zu 600 s'));
    expect(second.output()).toMatch(new RegExp(`⏳ .* ist gesperrt: deploy von .*@.* \\(PID ${first.pid}\\), seit .* UTC \\(vor \\d+ s\\)\\. Warte bis zu 600 s`));
    if (!remote) {
      // The holder shows it is alive while it works.
      await waitFor('a heartbeat', () => readFileSync(join(t.dir, '.deploy-lock', 'heartbeat'), 'utf8') !== heartbeat, 60_000);
    }
    held.open();

    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    expect(b.output).toMatch(/▶ Sperre .* gesetzt nach \d+ s Warten\./);
    const releases = t.entries();
    expect(releases).toHaveLength(2);
    expect(a.output).toContain(`current → releases/${releases[0]}`);
    expect(b.output).toContain(`current → releases/${releases[1]} (vorher ${releases[0]})`);
    expect(t.current()).toBe(`releases/${releases[1]}`);
    for (const file of ['index.html', '404.html', 'rss.xml', '.htaccess', 'index.html.br', 'blog/2022/erster-beitrag/index.html']) {
      expect(existsSync(join(t.dir, 'current', file)), file).toBe(true);
    }
    expect(t.file('index.html')).toContain('Erster Beitrag');
    t.expectClean();
  });

  it('with DEPLOY_LOCK_WAIT=0 the second stops at once and says who holds the lock', async () => {
    const t = fresh('nowait');
    const held = gate('nowait');
    const first = startScript('deploy', { ...t.env, ...held.env });
    await waitFor('the first deploy to hold the lock', held.reached);

    const second = await runScript('deploy', { ...t.env, DEPLOY_LOCK_WAIT: '0' });
    expect(second.code, second.output).toBe(1);
    expect(second.output).toMatch(new RegExp(`✗ Veröffentlichung abgebrochen: .* ist gesperrt: deploy von .* \\(PID ${first.pid}\\), seit .*\\. Nicht gewartet \\(DEPLOY_LOCK_WAIT=0\\)\\.`));
    expect(second.output).toContain('Die veröffentlichte Seite bleibt unverändert.');
    expect(second.output).not.toContain('▶ Kopiere');
    expect(t.owner()).toContain(`pid=${first.pid}\n`);

    held.open();
    const a = await first.done;
    expect(a.code, a.output).toBe(0);
    expect(t.entries()).toHaveLength(1);
    t.expectClean();
  });

  it('a deploy killed during the copy leaves the old release online; the next one takes over its lock and cleans up', async () => {
    const t = fresh('killed');
    const initial = await runScript('deploy', t.env);
    expect(initial.code, initial.output).toBe(0);
    const [old = ''] = t.entries();
    const files = ['index.html', 'rss.xml', 'feed.json', 'blog/2022/erster-beitrag/index.html'];
    const before = Object.fromEntries(files.map((file) => [file, t.file(file)]));

    writeFileSync(join(t.content, 'zweiter-beitrag.mdx'), post('Zweiter Beitrag', '2022-02-10'));
    const held = gate('killed', { half: true });
    const killed = startScript('deploy', { ...t.env, ...held.env });
    await waitFor('the copy to be under way', held.reached);
    killGroup(killed);
    const result = await killed.done;
    held.open();
    expect(result.signal).toBe('SIGKILL');

    // Online: the old release, complete and unchanged.
    expect(t.current()).toBe(`releases/${old}`);
    for (const file of files) expect(t.file(file), file).toBe(before[file]);
    expect(t.file('index.html')).not.toContain('Zweiter Beitrag');
    // Left behind: the lock of the killed deploy and its unfinished copy.
    expect(t.owner()).toContain(`pid=${killed.pid}\n`);
    const partial = t.entries().find((entry) => entry.endsWith('.partial'));
    expect(t.entries()).toEqual([old, partial]);
    expect(readFileSync(join(t.dir, 'releases', partial!, 'rss.xml'), 'utf8')).toContain('Zweiter Beitrag');
    expect(existsSync(join(t.dir, 'releases', partial!, 'index.html'))).toBe(false);

    const next = await runScript('deploy', t.env);
    expect(next.code, next.output).toBe(0);
    expect(next.output).toMatch(new RegExp(`⚠ Verwaiste Sperre auf .*: deploy von .* \\(PID ${killed.pid}\\), seit .*; Prozess ${killed.pid} auf .* läuft nicht mehr\\. Sie wird übernommen\\.`));
    expect(next.output).toContain(`Reste abgebrochener Deploys gelöscht: releases/${partial}`);
    const [, latest] = t.entries();
    expect(t.entries()).toEqual([old, latest]);
    expect(t.current()).toBe(`releases/${latest}`);
    expect(t.file('index.html')).toContain('Zweiter Beitrag');
    // Still hard links to the previous release, not copies.
    const favicon = (release: string) => join(t.dir, 'releases', release, 'favicon.svg');
    expect(statSync(favicon(latest!)).ino).toBe(statSync(favicon(old)).ino);
    t.expectClean();
  });

  it('releases the lock on SIGINT while waiting and on SIGTERM while copying', async () => {
    const t = fresh('signals');
    const held = gate('signals');
    const first = startScript('deploy', { ...t.env, ...held.env });
    await waitFor('the first deploy to hold the lock', held.reached);
    const second = startScript('deploy', t.env);
    await waitFor('the second deploy to wait', () => second.output().includes('Warte bis zu'));

    second.child.kill('SIGINT');
    const b = await second.done;
    expect(b.code, b.output).toBe(130);
    expect(b.output).toContain('✗ Veröffentlichung abgebrochen: Abgebrochen (SIGINT) beim Warten auf die Sperre.');
    expect(t.owner()).toContain(`pid=${first.pid}\n`);

    first.child.kill('SIGTERM');
    const a = await first.done;
    expect(a.code, a.output).toBe(143);
    expect(a.output).toContain('▶ SIGTERM erhalten');
    expect(a.output).toContain('✗ Veröffentlichung abgebrochen: Abgebrochen (SIGTERM).');
    held.open();
    expect(existsSync(join(t.dir, 'current'))).toBe(false);
    expect(t.entries()).toEqual([]);
    t.expectClean();
  });

  it('takes over a silent lock of another machine, waits for a live one, and rollback does too', async () => {
    const t = fresh('foreign');
    const initial = await runScript('deploy', t.env);
    expect(initial.code, initial.output).toBe(0);
    const token = 'abcdef0123456789';
    const foreignLock = (heartbeat: number) => {
      const lock = join(t.dir, '.deploy-lock');
      mkdirSync(lock, { recursive: true });
      writeFileSync(
        join(lock, 'owner'),
        `token=${token}\ncommand=deploy\nhost=anderer-rechner\nmachine=anderer-rechner/x/pid:[1]\nuser=cron\npid=1\nstarted=${heartbeat - 60}\n`,
      );
      writeFileSync(join(lock, 'heartbeat'), `${heartbeat}\n`);
      writeFileSync(join(lock, `token-${token}`), '');
    };
    const now = Math.floor(Date.now() / 1000);

    foreignLock(now);
    const rollback = await runScript('rollback', { ...t.env, DEPLOY_LOCK_WAIT: '0' });
    expect(rollback.code).toBe(1);
    expect(rollback.output).toContain('✗ Rollback nicht möglich: ');
    expect(rollback.output).toContain('ist gesperrt: deploy von cron@anderer-rechner (PID 1)');
    const blocked = await runScript('deploy', { ...t.env, DEPLOY_LOCK_WAIT: '0' });
    expect(blocked.code).toBe(1);
    expect(blocked.output).toContain('ist gesperrt: deploy von cron@anderer-rechner (PID 1)');
    expect(t.owner()).toContain(`token=${token}`);

    rmSync(join(t.dir, '.deploy-lock'), { recursive: true });
    foreignLock(Math.floor(Date.now() / 1000) - 3600);
    const takeover = await runScript('deploy', { ...t.env, DEPLOY_LOCK_WAIT: '0' });
    expect(takeover.code, takeover.output).toBe(0);
    expect(takeover.output).toContain('⚠ Verwaiste Sperre auf');
    // An hour, and the minutes the takeover's own build took before it looked at the lock.
    const silence = /cron@anderer-rechner \(PID 1\), seit .*; seit (\d+) min kein Lebenszeichen\. Sie wird übernommen\./.exec(takeover.output);
    expect(Number(silence?.[1]), takeover.output).toBeGreaterThanOrEqual(60);
    expect(Number(silence?.[1])).toBeLessThan(65);
    expect(t.entries()).toHaveLength(2);
    t.expectClean();
  });
});
