import { describe, expect, it } from 'vitest';
import { outDirOf } from '../../scripts/lib/out-dir.ts';

describe('outDirOf', () => {
  it.each([
    [[], 'dist'],
    [['--outDir', 'tmp/site'], 'tmp/site'],
    [['--outDir=tmp/site'], 'tmp/site'],
    [['--out-dir', 'a'], 'a'],
    [['--out-dir=a'], 'a'],
    [['--outDir', 'a', '--outDir', 'b'], 'b'],
    [['--verbose', '--outDir', '/srv/blog/next'], '/srv/blog/next'],
    [['--outDir'], 'dist'],
    [['--outDir', '--verbose'], 'dist'],
  ])('%j → %s', (argv, expected) => {
    expect(outDirOf(argv)).toBe(expected);
  });
});
