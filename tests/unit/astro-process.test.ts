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
  it('keep the heap growth flag and both allocator variables', () => {
    expect(ASTRO_NODE_FLAGS).toContain('--heap-growing-percent=40');
    expect(Object.keys(ASTRO_ALLOCATOR_ENV).sort()).toEqual(['MALLOC_ARENA_MAX', 'MIMALLOC_PURGE_DELAY']);
  });
});
