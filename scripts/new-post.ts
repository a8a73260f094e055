/**
 * `npm run new -- "Titel des Beitrags"` creates a draft post with today's date (Europe/Berlin),
 * a transliterated file name, the teaser marker and the author matching `git config user.name`.
 * `--ordner` makes a folder post (`<slug>/index.mdx`) for posts with images. Never overwrites.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { toDayKey } from '#lib/site/dates.ts';
import { matchAuthor, newPostSlug, newPostSource } from '#lib/content/new-post.ts';
import { listFiles } from '#lib/content/files.ts';
import { contentPaths } from '#lib/content/source.ts';

const root = join(import.meta.dirname, '..');
const { blogDir, authorsDir } = contentPaths(root);

const args = process.argv.slice(2);
// `npm run new "Titel" --ordner` (without `--`) hands the option to npm, which passes it on as
// npm_config_ordner: honour it instead of silently making a single file.
const folder = args.includes('--ordner') || process.env['npm_config_ordner'] !== undefined;
const title = args.filter((arg) => !arg.startsWith('--')).join(' ').trim();

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--ordner');
if (unknown.length > 0) fail(`Unbekannte Option ${unknown.join(', ')}; erlaubt ist nur --ordner (Beitrag mit Bildern als Ordner).`);

if (title === '') fail('Bitte einen Titel angeben: npm run new -- "Titel des Beitrags"');

let slug: string;
try {
  slug = newPostSlug(title);
} catch (error) {
  fail((error as Error).message);
}

const existing = [join(blogDir, `${slug}.mdx`), join(blogDir, slug, 'index.mdx')].find((path) => existsSync(path));
if (existing) {
  fail(`Es gibt schon einen Beitrag mit diesem Dateinamen: ${relative(root, existing)}. Nichts überschrieben; bitte einen anderen Titel wählen (der Dateiname entsteht aus dem Titel).`);
}

let gitUser: string | undefined;
try {
  gitUser = execFileSync('git', ['config', 'user.name'], { cwd: root, encoding: 'utf8' }).trim();
} catch {
  gitUser = undefined;
}
const authors = listFiles(authorsDir, /\.ya?ml$/i).map((file) => ({
  id: file.replace(/\.ya?ml$/i, ''),
  name: String((parse(readFileSync(join(authorsDir, file), 'utf8')) as { name?: unknown } | null)?.name ?? ''),
}));
const authorId = matchAuthor(gitUser, authors);

const target = folder ? join(blogDir, slug, 'index.mdx') : join(blogDir, `${slug}.mdx`);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, newPostSource({ title, day: toDayKey(new Date()), authorId }), { flag: 'wx' });

console.log(`Neuer Entwurf: ${relative(root, target)}`);
console.log(authorId ? `Autor: ${authorId}` : 'Autor: bitte im Kopfbereich eintragen (author: …) – kein Eintrag in content/authors/ passt zu git config user.name.');
console.log('Vorschau: npm run dev, dann http://localhost:4321/ – zum Veröffentlichen draft: true entfernen und committen.');
