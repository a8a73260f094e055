import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ASTRO_ALLOCATOR_ENV, ASTRO_NODE_FLAGS, astroEnv } from '../../scripts/lib/astro-process.ts';

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
