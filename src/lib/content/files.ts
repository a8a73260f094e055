import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file under `dir` whose name matches `pattern`, as sorted paths relative to `dir` with
 * forward slashes; none for a missing folder. Hidden files count: callers decide about them.
 */
export function listFiles(dir: string, pattern: RegExp = /./): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}
