import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '#lib/content/files.ts';
import { TMP } from '../../build/helpers.ts';

mkdirSync(TMP, { recursive: true });
const dir = mkdtempSync(join(TMP, 'unit-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const file of ['b.mdx', 'a/index.mdx', 'a/bild.png', 'a/tief/c.mdx', '.versteckt', 'größe.mdx']) {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), '');
}
mkdirSync(join(dir, 'leer'));

describe('listFiles', () => {
  it.each([
    ['every file, hidden ones too, never a folder', undefined, ['.versteckt', 'a/bild.png', 'a/index.mdx', 'a/tief/c.mdx', 'b.mdx', 'größe.mdx']],
    ['files whose name matches', /\.mdx$/, ['a/index.mdx', 'a/tief/c.mdx', 'b.mdx', 'größe.mdx']],
  ])('%s', (_, pattern, files) => {
    expect(listFiles(dir, pattern)).toEqual(files);
  });

  it('finds nothing in a missing folder', () => {
    expect(listFiles(join(dir, 'gibt-es-nicht'))).toEqual([]);
  });
});
