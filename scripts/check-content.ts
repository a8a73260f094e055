/**
 * `npm run check:content`: checks every post without building the site and prints one line per
 * problem (file:line: field: what is wrong; what is expected). Exit code 1 on errors.
 * `--staged` (the pre-commit hook) checks the content as the commit will contain it: the files
 * in git's index. `--only <file>…` reports only the given posts (all others still count as context).
 */
import { join, relative, resolve } from 'node:path';
import { buildCacheDir } from '#lib/build/cache.ts';
import { checkContent } from '#lib/checks/content.ts';
import { formatProblem } from '#lib/checks/problem.ts';
import { contentPaths, readContentFromDisk, readContentFromIndex } from '#lib/content/source.ts';

const root = join(import.meta.dirname, '..');
const paths = contentPaths(root);
const staged = process.argv.includes('--staged');
const snapshot = staged ? readContentFromIndex(paths) : readContentFromDisk(paths);
const { posts } = snapshot;
let problems = await checkContent(snapshot, new Date(), buildCacheDir(process.env, root));

const onlyIndex = process.argv.indexOf('--only');
if (onlyIndex >= 0) {
  const wanted = new Set(process.argv.slice(onlyIndex + 1).map((file) => relative(root, resolve(root, file)).split('\\').join('/')));
  problems = problems.filter((problem) => wanted.has(problem.file));
}

for (const problem of problems) console.log(formatProblem(problem));
const errors = problems.filter((problem) => problem.severity === 'error').length;
const warnings = problems.length - errors;
const warningNote = warnings > 0 ? `, ${warnings} Warnung(en)` : '';
console.log(
  errors === 0
    ? `Beiträge geprüft: ${posts.length}, keine Fehler${warningNote}.`
    : `Beiträge geprüft: ${posts.length}, ${errors} Fehler${warningNote}. Bitte beheben${staged ? ', mit git add übernehmen' : ''} und erneut prüfen.`,
);
process.exitCode = errors > 0 ? 1 : 0;
