import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentPaths, readCommittedPosts, readContentFromDisk, readContentFromIndex } from '#lib/content/source.ts';
import { TMP } from '../../build/helpers.ts';

mkdirSync(TMP, { recursive: true });
const root = mkdtempSync(join(TMP, 'unit-content-source-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'core.hooksPath=/dev/null', ...args], { cwd: root });
const write = (file: string, text: string) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
};
const paths = contentPaths(root, {});

describe('the three views of the content: disk, git index, last commit', () => {
  it('finds no committed posts before the first commit, and outside a checkout', () => {
    expect(readCommittedPosts(paths)).toEqual([]);
    git('init', '-q');
    expect(readCommittedPosts(paths)).toEqual([]);
  });

  it('reads the last commit, the index and the disk apart', () => {
    write('content/blog/eins.mdx', 'eins, committet');
    write('content/blog/ordner/index.mdx', 'ordner, committet');
    write('content/blog/ordner/bild.png', 'kein Text');
    git('add', '.');
    git('commit', '-qm', 'first');
    write('content/blog/eins.mdx', 'eins, im Index');
    write('content/blog/zwei.md', 'zwei');
    git('add', '.');
    write('content/blog/eins.mdx', 'eins, auf der Platte');

    expect(readCommittedPosts(paths)).toEqual([
      { file: 'content/blog/eins.mdx', id: 'eins', source: 'eins, committet' },
      { file: 'content/blog/ordner/index.mdx', id: 'ordner/index', source: 'ordner, committet' },
    ]);
    const staged = readContentFromIndex(paths);
    expect(staged.posts.map((post) => post.source)).toEqual(['eins, im Index', 'ordner, committet']);
    expect(staged.fileProblems.map((problem) => problem.file)).toEqual(['content/blog/zwei.md']);
    expect(staged.committed).toHaveLength(2);
    const disk = readContentFromDisk(paths);
    expect(disk.posts.map((post) => post.source)).toEqual(['eins, auf der Platte', 'ordner, committet']);
    expect(disk.legal).toEqual({ file: 'content/site/legal.yaml', source: undefined });
  });
});
