/**
 * `npm run check:content`: checks every post without building the site and prints one line per
 * problem (file:line: field: what is wrong; what is expected). Exit code 1 on errors.
 * `--staged` checks only the posts staged in git (the pre-commit hook), `--only <file>…` the
 * given ones; all other posts still count as context (links, duplicates).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkPosts, type PostFile } from '../src/lib/check-posts.ts';
import { formatProblem } from '../src/lib/content-checks.ts';
import { listFiles } from './lib/content-files.ts';

const root = join(import.meta.dirname, '..');
const blogDir = resolve(root, process.env['BLOG_CONTENT_DIR'] ?? 'content/blog');
const authorsDir = resolve(root, process.env['AUTHORS_CONTENT_DIR'] ?? 'content/authors');
const toProjectPath = (path: string) => relative(root, path).split('\\').join('/');

const posts: PostFile[] = listFiles(blogDir, /\.mdx$/i).map((entry) => ({
  file: toProjectPath(join(blogDir, entry)),
  id: entry.replace(/\.mdx$/i, ''),
  source: readFileSync(join(blogDir, entry), 'utf8'),
}));
const authorIds = new Set(listFiles(authorsDir, /\.ya?ml$/i).map((file) => file.replace(/\.ya?ml$/i, '')));
const publicFiles = listFiles(join(root, 'public'), /./).map((file) => `/${file}`);

let problems = checkPosts(posts, {
  authorIds,
  publicFiles,
  fileExists: (file) => existsSync(join(root, file)),
  now: new Date(),
});

// `--staged` (the git hook) or `--only <file>…`: report problems of these posts only.
const onlyIndex = process.argv.indexOf('--only');
const only = process.argv.includes('--staged')
  ? execFileSync('git', ['diff', '--cached', '--name-only', '--diff-filter=ACMR'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((file) => file !== '')
  : onlyIndex >= 0
    ? process.argv.slice(onlyIndex + 1)
    : undefined;
if (only !== undefined) {
  const wanted = new Set(only.map((file) => toProjectPath(join(root, file))));
  problems = problems.filter((problem) => wanted.has(problem.file));
}

for (const problem of problems) console.log(formatProblem(problem));
const errors = problems.filter((problem) => problem.severity === 'error').length;
const warnings = problems.length - errors;
console.log(
  errors === 0
    ? `Beiträge geprüft: ${posts.length}, keine Fehler${warnings > 0 ? `, ${warnings} Warnung(en)` : ''}.`
    : `Beiträge geprüft: ${posts.length}, ${errors} Fehler${warnings > 0 ? `, ${warnings} Warnung(en)` : ''}. Bitte beheben und erneut prüfen.`,
);
process.exitCode = errors > 0 ? 1 : 0;
