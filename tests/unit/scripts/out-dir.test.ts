import { describe, expect, it } from 'vitest';
import { splitOutDir } from '../../../scripts/lib/out-dir.ts';

describe('splitOutDir', () => {
  it.each([
    [[], 'dist', []],
    [['--outDir', 'tmp/site'], 'tmp/site', []],
    [['--outDir=tmp/site'], 'tmp/site', []],
    [['--out-dir', 'a'], 'a', []],
    [['--out-dir=a'], 'a', []],
    [['--outDir', 'a', '--outDir', 'b'], 'b', []],
    [['--verbose', '--outDir', '/srv/blog/next', '--force'], '/srv/blog/next', ['--verbose', '--force']],
    [['--outDir'], 'dist', []],
    [['--outDir', '--verbose'], 'dist', ['--verbose']],
  ])('%j → %s, leaving %j', (argv, outDir, rest) => {
    expect(splitOutDir(argv)).toEqual({ outDir, rest });
  });
});
