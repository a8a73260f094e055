import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ASTRO_ALLOCATOR_ENV,
  ASTRO_NODE_FLAGS,
  EXIT_REPORT_ENV,
  EXIT_REPORT_FLAGS,
  astroEnv,
  readExitReport,
} from '../../../scripts/lib/astro-process.ts';

describe('astroEnv', () => {
  it('sets the allocator settings and turns telemetry off', () => {
    const env = astroEnv({ PATH: '/usr/bin' });
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      ASTRO_TELEMETRY_DISABLED: '1',
      MALLOC_ARENA_MAX: '2',
      MIMALLOC_PURGE_DELAY: '0',
    });
  });

  it('lets the caller’s environment override each setting, so a measurement can switch one off', () => {
    const env = astroEnv({ MIMALLOC_PURGE_DELAY: '10', MALLOC_ARENA_MAX: '8', ASTRO_TELEMETRY_DISABLED: '' });
    expect(env['MIMALLOC_PURGE_DELAY']).toBe('10');
    expect(env['MALLOC_ARENA_MAX']).toBe('8');
    expect(env['ASTRO_TELEMETRY_DISABLED']).toBe('');
  });

  it('always passes the fixed values, whatever the environment says', () => {
    const env = astroEnv({ BLOG_BUILD_REPORT: 'elsewhere' }, { BLOG_BUILD_REPORT: 'report-file' });
    expect(env['BLOG_BUILD_REPORT']).toBe('report-file');
  });

  it('does not change the environment it was given', () => {
    const given = { PATH: '/usr/bin' };
    astroEnv(given, { X: '1' });
    expect(given).toEqual({ PATH: '/usr/bin' });
  });
});

describe('the settings', () => {
  it('are accepted by the Node that runs Astro and reach its process', () => {
    // Node stops with "bad option" on a flag it does not know, e.g. after an upgrade drops one.
    const result = spawnSync(
      process.execPath,
      [...ASTRO_NODE_FLAGS, '-e', 'console.log(JSON.stringify({ argv: process.execArgv, env: process.env }))'],
      { env: astroEnv({ PATH: process.env['PATH'] ?? '' }), encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const seen = JSON.parse(result.stdout) as { argv: string[]; env: Record<string, string> };
    expect(seen.argv.slice(0, ASTRO_NODE_FLAGS.length)).toEqual([...ASTRO_NODE_FLAGS]);
    expect(seen.env).toMatchObject(ASTRO_ALLOCATOR_ENV);
  });
});

describe('the exit report', () => {
  /** Runs `script` in a Node with the exit report preloaded; returns its pid and the report file's text. */
  const runReporting = (script: (file: string) => string) => {
    const dir = mkdtempSync(join(tmpdir(), 'exit-report-'));
    try {
      const file = join(dir, 'exit');
      const result = spawnSync(process.execPath, [...EXIT_REPORT_FLAGS, '--input-type=module', '-e', script(file)], {
        env: { PATH: process.env['PATH'] ?? '', [EXIT_REPORT_ENV]: file },
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      return { pid: result.pid, status: result.status, stdout: result.stdout, text };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('is written by the process when process.exit() is called, with its pid and code', () => {
    const run = runReporting(() => 'process.exit(3)');
    expect(run.status).toBe(3);
    expect(run.text).toBe(`${run.pid} 3`);
  });

  it('is written on a natural end as well, and not by worker threads or child processes', () => {
    const run = runReporting(
      (file) => `
        import { existsSync } from 'node:fs';
        import { spawnSync } from 'node:child_process';
        import { Worker } from 'node:worker_threads';
        spawnSync(process.execPath, [...process.execArgv, '-e', 'process.exit(7)'], { stdio: 'inherit' });
        await new Promise((done) => new Worker('process.exit(9)', { eval: true }).on('exit', done));
        console.log(existsSync(${JSON.stringify(file)}));
      `,
    );
    // Both inherited the preload flag; neither wrote a report before this process ended.
    expect(run.stdout.trim()).toBe('false');
    expect(run.status).toBe(0);
    expect(run.text).toBe(`${run.pid} 0`);
  });

  it('is read only for the process it is about, and only when complete', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exit-report-'));
    try {
      const file = join(dir, 'exit');
      expect(readExitReport(file, 42)).toBeUndefined();
      writeFileSync(file, '42 1');
      expect(readExitReport(file, 42)).toBe(1);
      expect(readExitReport(file, 43)).toBeUndefined();
      writeFileSync(file, '42');
      expect(readExitReport(file, 42)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

