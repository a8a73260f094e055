import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBuild } from '../../scripts/lib/verify.ts';
import { SKIP_CHECK_ENV } from '#src/integration/env.ts';
import { site } from '#src/site.ts';
import { ROOT, TMP, assertBuilt, buildSite, type BuildResult } from './helpers.ts';

// One judge: every link the deploy's verification (scripts/lib/verify.ts) would refuse in the
// built site is refused by the content check at the post's line, and every link the check lets
// through passes the verification. Each link stands in a teaser, so it is judged on the article,
// the index and the topic pages alike.

const own = (path: string) => new URL(path, site.url).href;

/** Links an editor might write; each becomes the teaser of one post. */
const accepted = [
  ['another post', '/blog/2022/ziel/'],
  ['another post without the last slash', '/blog/2022/ziel'],
  ['a heading of another post', '/blog/2022/ziel/#abschnitt'],
  ['our own site, written in full', own('/blog/2022/ziel/')],
  ['an old address that redirects (a warning)', '/blog/2021/alter-name/'],
  ['a file in public/', '/favicon.svg'],
  ['the feed', '/rss.xml'],
  ['another site', 'https://example.org/seite/'],
  ['an e-mail address', 'mailto:redaktion@example.org'],
] as const;

const refused = [
  ['a relative link to a post', '../ziel/'],
  ['a relative link to a file', './flyer.pdf'],
  ['a link to a post’s file', 'ziel.mdx'],
  ['a misspelt address', '/blog/2022/zeil/'],
  ['a misspelt address on our own site, in full', own('/blog/2022/zeil/')],
  ['a file missing from public/', '/downloads/fehlt.pdf'],
  ['a scheduled post', '/blog/2030/geplant/'],
  ['a draft', '/blog/2022/entwurf/'],
] as const;

const post = (frontmatter: string, body: string) => `---\n${frontmatter}\n---\n\n${body}`;

/** The posts every case links to, and one post per case with the link in its teaser. */
function writeContent(dir: string, cases: readonly (readonly [string, string])[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ziel.mdx'), post('title: "Ziel"\ndate: 2022-01-10', 'Text.\n\n## Abschnitt\n\nMehr.\n'));
  writeFileSync(join(dir, 'neuer-name.mdx'), post('title: "Neuer Name"\ndate: 2022-01-11\naliases: ["/blog/2021/alter-name/"]', 'Text.\n'));
  writeFileSync(join(dir, 'geplant.mdx'), post('title: "Geplant"\ndate: 2030-01-01', 'Text.\n'));
  writeFileSync(join(dir, 'entwurf.mdx'), post('title: "Entwurf"\ndate: 2022-01-12\ndraft: true', 'Text.\n'));
  cases.forEach(([name, url], index) => {
    writeFileSync(
      join(dir, `fall-${index + 1}.mdx`),
      post(`title: "Fall ${index + 1}: ${name}"\ndate: 2022-02-${String(index + 1).padStart(2, '0')}\ntags: ["Links"]`, `Siehe [hier](${url}).\n\n{/* more */}\n\nRest.\n`),
    );
  });
}

const check = (contentDir: string) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/check-content.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BLOG_CONTENT_DIR: contentDir },
  });

describe('links the check accepts', () => {
  const contentDir = join(TMP, 'judge-accepted-content');
  let result: BuildResult;
  beforeAll(async () => {
    writeContent(contentDir, accepted);
    result = await buildSite('judge-accepted', { contentDir });
  });

  it('pass the check, the build and the deploy’s verification', () => {
    const checked = check(contentDir);
    expect(checked.status, checked.stdout).toBe(0);
    expect(checked.stdout).toContain('/blog/2021/alter-name/: das ist eine alte Adresse, die weiterleitet; erwartet wird die neue Adresse /blog/2022/neuer-name/');
    assertBuilt(result);
    expect(verifyBuild(result.outDir, { contentDir, siteUrl: site.url })).toEqual([]);
  });
});

describe('links the deploy’s verification refuses', () => {
  const contentDir = join(TMP, 'judge-refused-content');
  let result: BuildResult;
  let checked: ReturnType<typeof check>;
  beforeAll(async () => {
    writeContent(contentDir, refused);
    checked = check(contentDir);
    // Built without the content check, to see what the verification alone would find.
    result = await buildSite('judge-refused', { contentDir, env: { [SKIP_CHECK_ENV]: '1' } });
  });

  it.each(refused.map(([name, url], index) => [name, url, index + 1] as const))('%s: refused by both, the check at the post’s line', (_, url, number) => {
    assertBuilt(result);
    const verified = verifyBuild(result.outDir, { contentDir, siteUrl: site.url });
    expect(verified.filter((problem) => problem.includes(`Link auf ${url} führt ins Leere`)).length, verified.join('\n')).toBeGreaterThan(0);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toMatch(new RegExp(`fall-${number}\\.mdx:7: Link auf ${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  });

  it('is refused by the build when the check runs', async () => {
    const checked = await buildSite('judge-refused-checked', { contentDir });
    expect(checked.code).not.toBe(0);
    expect(checked.output).toContain(`Fehler in den Beiträgen (${refused.length}), nichts gebaut`);
  });
});
