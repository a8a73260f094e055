import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../bench/corpus.ts';
import { ROOT, TMP, buildEnv, copyProject, differences, fingerprint } from './helpers.ts';

/**
 * Proof of the incremental build (Astro's `experimental.incrementalBuild`, keys in
 * src/lib/build/page-keys.ts): after each kind of change, `npm run build` with the cache of the
 * builds before gives the same `dist/`, file for file and byte for byte, as a build from nothing
 * of the same project. The project is a copy of this checkout, so that code can change too.
 */

const WORK = join(TMP, 'incremental');
const PROJECT = join(WORK, 'project');
/** A second copy for the builds from nothing: two builds of one folder would share its `.astro/`. */
const FRESH_PROJECT = join(WORK, 'fresh-project');
/** The cache the incremental builds share; a build from nothing gets an empty one each time. */
const CACHE = join(WORK, 'cache');
/** The day the builds run on, unless a step moves it. */
let buildTime = '2026-06-10T10:00:00.000Z';

interface Build {
  outDir: string;
  output: string;
}

function build(project: string, name: string, cacheDir: string, args: readonly string[] = []): Promise<Build> {
  const outDir = join(WORK, name);
  rmSync(outDir, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(project, 'scripts/build.ts'), '--outDir', outDir, ...args], {
      cwd: project,
      env: buildEnv(cacheDir, { env: { BLOG_BUILD_TIME: buildTime } }),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ outDir, output }) : reject(new Error(`build ${name} failed:\n${output}`))));
  });
}

/** How many paths Astro took from its cache instead of rendering them. */
const reused = (output: string): number => output.match(/\((?:cached|restored)\)/g)?.length ?? 0;

let step = 0;
/** The incremental build and a build from nothing, side by side; the files of both. */
async function buildBoth(): Promise<{ incremental: Build; fresh: Build; differences: string[] }> {
  step++;
  const freshCache = join(WORK, `fresh-cache-${step}`);
  copyProject(PROJECT, FRESH_PROJECT);
  const [incremental, fresh] = await Promise.all([build(PROJECT, 'incremental', CACHE), build(FRESH_PROJECT, `fresh-${step}`, freshCache)]);
  const result = { incremental, fresh, differences: differences(fingerprint(fresh.outDir), fingerprint(incremental.outDir)) };
  rmSync(fresh.outDir, { recursive: true, force: true });
  rmSync(freshCache, { recursive: true, force: true });
  return result;
}

const blog = (file: string) => join(PROJECT, 'content/blog', file);
const read = (file: string) => readFileSync(file, 'utf8');
const write = (file: string, text: string) => writeFileSync(file, text);

/** Replaces a frontmatter line `name: …` of a post (adds it when missing). */
function setField(file: string, name: string, value: string | undefined): void {
  const source = read(file);
  const end = source.indexOf('\n---', 3);
  const lines = source.slice(0, end).split('\n').filter((line) => !line.startsWith(`${name}:`));
  if (value !== undefined) lines.push(`${name}: ${value}`);
  write(file, lines.join('\n') + source.slice(end));
}

const field = (file: string, name: string): string | undefined =>
  new RegExp(`^${name}: (.*)$`, 'm').exec(read(file).slice(0, read(file).indexOf('\n---', 3)))?.[1];

/** The post files of the copy that random edits may change (not the one another post links to). */
const posts = (): string[] =>
  readdirSync(join(PROJECT, 'content/blog'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.mdx') && !path.startsWith('manchmal-faellt-das-fruehstueck-aus'))
    .sort();

function newPost(file: string, title: string, day: string, tags: string): void {
  write(
    blog(file),
    `---\ntitle: "${title}"\ndate: ${day}\ntags: ${tags}\n---\n\nEin neuer Beitrag über ${title}.\n\n{/* more */}\n\nMehr Text dazu.\n`,
  );
}

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  copyProject(ROOT, PROJECT);
});

describe('an incremental build gives the files of a build from nothing', () => {
  const open = 'tls-zertifikate-automatisch-erneuern.mdx';

  it('first build, then a build with nothing changed that renders (almost) nothing', async () => {
    const first = await buildBoth();
    expect(first.differences).toEqual([]);
    const again = await buildBoth();
    expect(again.differences).toEqual([]);
    const pages = (again.incremental.output.match(/├─/g) ?? []).length;
    expect(pages).toBeGreaterThan(50);
    // Only pages without getStaticPaths (/, /archiv/, feeds, …) are rendered again.
    expect(reused(again.incremental.output)).toBeGreaterThan(pages * 0.6);
    // Pagefind indexes whole sites only; with no page changed, the last index is taken.
    expect(again.incremental.output).toContain('aus dem Cache (keine durchsuchte Seite geändert)');
    expect(first.incremental.output).not.toContain('keine durchsuchte Seite geändert');
  });

  it.each<[string, () => void]>([
    ['body text', () => write(blog(open), `${read(blog(open))}\nEin angehängter Satz.\n`)],
    ['title', () => setField(blog(open), 'title', '"TLS-Zertifikate: automatisch und pünktlich erneuert"')],
    ['date, which re-sorts pages and neighbours', () => setField(blog(open), 'date', '2019-03-01')],
    ['topics', () => setField(blog(open), 'tags', '["Sicherheit", "Neu im Blog"]')],
    ['a new post', () => newPost('ganz-neu.mdx', 'Ganz neu', '2026-06-01', '["Betrieb"]')],
    ['a deleted post', () => rmSync(blog('ganz-neu.mdx'))],
    ['draft on', () => setField(blog(open), 'draft', 'true')],
    ['draft off', () => setField(blog(open), 'draft', undefined)],
    ['an author file', () => write(join(PROJECT, 'content/authors/redaktion.yaml'), `${read(join(PROJECT, 'content/authors/redaktion.yaml'))}`.replace(/^bio: .*$/m, 'bio: Eine neue Beschreibung der Redaktion.'))],
    [
      'an image replaced',
      () =>
        cpSync(
          blog('manchmal-faellt-das-fruehstueck-aus/monitoring.png'),
          blog('groessere-speicherpakete-fuer-mitglieder/speicher.png'),
        ),
    ],
    ['Note.astro', () => write(join(PROJECT, 'src/components/Note.astro'), read(join(PROJECT, 'src/components/Note.astro')).replace('</aside>', '<!-- geändert --></aside>'))],
    ['src/i18n/de.ts', () => write(join(PROJECT, 'src/i18n/de.ts'), read(join(PROJECT, 'src/i18n/de.ts')).replace("readMore: 'Weiterlesen'", "readMore: 'Weiter lesen'"))],
    ['src/site.ts', () => write(join(PROJECT, 'src/site.ts'), read(join(PROJECT, 'src/site.ts')).replace(/postsPerPage: \d+/, 'postsPerPage: 3'))],
    ['astro.config.mjs', () => write(join(PROJECT, 'astro.config.mjs'), read(join(PROJECT, 'astro.config.mjs')).replace('concurrency: 4', 'concurrency: 3'))],
  ])('after a change of %s', async (_, change) => {
    change();
    expect((await buildBoth()).differences).toEqual([]);
  });

  it('publishes a scheduled post on its day, though no file changed', async () => {
    newPost('geplant.mdx', 'Geplant für morgen', '2026-06-11', '["Betrieb"]');
    const before = await buildBoth();
    expect(before.differences).toEqual([]);
    expect(existsSync(join(before.incremental.outDir, 'blog/2026/geplant/index.html'))).toBe(false);
    buildTime = '2026-06-11T10:00:00.000Z';
    const after = await buildBoth();
    expect(after.differences).toEqual([]);
    expect(existsSync(join(after.incremental.outDir, 'blog/2026/geplant/index.html'))).toBe(true);
  });

  it('after a seeded random sequence of edits', async () => {
    const random = createRandom(7);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const edits: ((file: string) => void)[] = [
      (file) => write(blog(file), `${read(blog(file))}\nNoch ein Satz, Nummer ${Math.floor(random() * 1000)}.\n`),
      (file) => setField(blog(file), 'title', `"${(field(blog(file), 'title') ?? '"Titel"').slice(1, -1)} (überarbeitet)"`),
      (file) => setField(blog(file), 'date', `20${10 + Math.floor(random() * 15)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`),
      (file) => setField(blog(file), 'tags', pick(['["Betrieb"]', '["Sicherheit", "Betrieb"]', '["Genossenschaft"]', '[]'])),
      (file) => setField(blog(file), 'draft', field(blog(file), 'draft') === 'true' ? undefined : 'true'),
    ];
    for (let round = 0; round < 3; round++) {
      for (let n = 0; n < 2; n++) pick(edits)(pick(posts()));
      expect((await buildBoth()).differences, `round ${round}`).toEqual([]);
    }
  });

  it('renders everything again after a failed build, and with --force', async () => {
    const broken = blog('kaputt.mdx');
    write(broken, '---\ntitle: ""\ndate: 2026-01-01\n---\n\nText\n');
    await expect(build(PROJECT, 'incremental', CACHE)).rejects.toThrow(/title/);
    rmSync(broken);
    const afterFailure = await buildBoth();
    expect(afterFailure.differences).toEqual([]);
    expect(reused(afterFailure.incremental.output)).toBe(0);
    const forced = await build(PROJECT, 'incremental', CACHE, ['--force']);
    expect(forced.output).toContain('--force: Build-Cache');
    expect(reused(forced.output)).toBe(0);
    expect(reused((await build(PROJECT, 'incremental', CACHE)).output)).toBeGreaterThan(50);
  });
});
