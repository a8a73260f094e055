import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TMP, buildEnv, differences, fingerprint, listFiles } from './helpers.ts';
import { writeCorpus } from './corpus.ts';

/**
 * The commit whose output a restructuring must keep: the last one before the pipeline's rework
 * (one integration, one parse per post, one record per post). Move it forward in the commit that
 * changes the output on purpose, and say there what changed.
 */
const BASELINE = 'fc5f14b';

/**
 * Output added on purpose since the baseline, and left out of the comparison: the web editor
 * (everything under /admin/, and the stylesheet and script only its page loads).
 */
function addedSinceBaseline(outDir: string): Set<string> {
  const files = listFiles(outDir).filter((file) => file.startsWith('admin/'));
  const page = readFileSync(join(outDir, 'admin/index.html'), 'utf8');
  const assets = [...page.matchAll(/(?:src|href)="\/(_astro\/[^"]+)"/g)].map((match) => match[1]!);
  return new Set([...files, ...assets.flatMap((asset) => [asset, `${asset}.br`, `${asset}.gz`])]);
}

const WORK = join(TMP, 'same-output');

/** The baseline's files, unpacked beside this checkout, with this checkout's packages. */
function unpackBaseline(): string {
  const dir = join(WORK, 'baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', BASELINE], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** `npm run build` of the project in `projectDir`, for the content in `blogDir`, into `outDir`. */
function build(projectDir: string, name: string, blogDir: string): string {
  const outDir = join(WORK, name, 'dist');
  const cacheDir = join(WORK, name, 'cache');
  rmSync(join(WORK, name), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [join(projectDir, 'scripts/build.ts'), '--outDir', outDir], {
    cwd: projectDir,
    encoding: 'utf8',
    env: buildEnv(cacheDir, { contentDir: blogDir, env: { AUTHORS_CONTENT_DIR: join(ROOT, 'content/authors') } }),
  });
  if (result.status !== 0) throw new Error(`Build ${name} failed:\n${result.stdout}${result.stderr}`);
  return outDir;
}

describe(`the build's output is that of ${BASELINE}, file for file and byte for byte`, () => {
  let baseline = '';
  const corpusDir = join(WORK, 'corpus-content');

  beforeAll(() => {
    baseline = unpackBaseline();
    writeCorpus(corpusDir, 40);
  });

  it.each([
    ['the real content', join(ROOT, 'content/blog')],
    ['the 40-post corpus', corpusDir],
  ])('for %s', (_, blogDir) => {
    const key = blogDir === corpusDir ? 'corpus' : 'content';
    const before = fingerprint(build(baseline, `${key}-before`, blogDir));
    const afterDir = build(ROOT, `${key}-after`, blogDir);
    const added = addedSinceBaseline(afterDir);
    const after = new Map([...fingerprint(afterDir)].filter(([file]) => !added.has(file)));
    expect(after.size).toBeGreaterThan(50);
    expect(differences(before, after)).toEqual([]);
  });
});
