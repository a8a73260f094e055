/**
 * Run by `npm install` (the `prepare` script): points git at .githooks/ so the pre-commit hook
 * checks staged posts. Does nothing outside a git work tree (e.g. an unpacked release).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
if (existsSync(join(root, '.git'))) {
  try {
    execFileSync('git', ['config', 'core.hooksPath', '.githooks'], { cwd: root });
  } catch {
    console.warn('Git-Hook nicht eingerichtet: git ist nicht verfügbar.');
  }
}
