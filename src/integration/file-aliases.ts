import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Old addresses that look like files (`/2021/04/beitrag.html`) come out of a directory-format
 * build as `beitrag.html/index.html`. Moves each such page to the file path itself, so the
 * redirect page answers at exactly the old address on any static host.
 */
export async function flattenFileLikePages(outDir: string): Promise<number> {
  let moved = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if (!(await stat(path)).isDirectory()) continue;
      const entries = await readdir(path);
      if (/\.html?$/i.test(name) && entries.length === 1 && entries[0] === 'index.html') {
        const temporary = `${path}.moving`;
        await rename(join(path, 'index.html'), temporary);
        await rm(path, { recursive: true });
        await rename(temporary, path);
        moved++;
      } else {
        await walk(path);
      }
    }
  };
  await walk(outDir);
  return moved;
}
