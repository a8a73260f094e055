import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { listFiles } from '#lib/content/files.ts';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { legalFile } from '#lib/content/legal.ts';
import type { CheckContext, PostFile } from '#lib/checks/content.ts';
import { sortBlogFiles } from '#lib/content/blog-files.ts';
import type { Problem } from '#lib/checks/problem.ts';

// Reads the posts for the content checks, either from disk (npm run check, the build) or from
// git's index (the pre-commit hook: exactly what the commit will contain).

/** Where the content lives; all paths absolute. */
export interface ContentPaths {
  root: string;
  blogDir: string;
  authorsDir: string;
  publicDir: string;
  /** content/site/legal.yaml (src/lib/content/legal.ts). */
  legalFile: string;
}

/**
 * The content folders of the project at `root`: `BLOG_CONTENT_DIR`, `AUTHORS_CONTENT_DIR` and
 * `LEGAL_CONTENT_FILE` select others (test fixtures, benchmark corpora).
 */
export const contentPaths = (root: string, env: NodeJS.ProcessEnv = process.env, publicDir = join(root, 'public')): ContentPaths => ({
  root,
  blogDir: resolve(root, env['BLOG_CONTENT_DIR'] ?? 'content/blog'),
  authorsDir: resolve(root, env['AUTHORS_CONTENT_DIR'] ?? 'content/authors'),
  publicDir,
  legalFile: resolve(root, legalFile(env)),
});

const toPosix = (path: string) => path.split('\\').join('/');

/** A snapshot of the content: the posts and what the checks need to know around them. */
export interface ContentSnapshot {
  posts: PostFile[];
  /** The author files of content/authors/ (`.yaml`, `.yml`), as the collection reads them. */
  authors: PostFile[];
  /** Files under the blog folder that are neither posts nor their images (src/lib/content/blog-files.ts). */
  fileProblems: Problem[];
  context: Omit<CheckContext, 'now'>;
  /** The legal data's file (relative to the project) and its text, undefined when it is missing. */
  legal: { file: string; source: string | undefined };
  /**
   * The posts as last committed (git's HEAD), to find published addresses that a rename or a
   * new date would break; empty outside a git checkout or for content git does not track.
   */
  committed: PostFile[];
  /** The bytes of a file (relative to the project): for reading images. */
  readBytes: (file: string) => Promise<Buffer>;
}

/** The content as it is on disk. */
export function readContentFromDisk(paths: ContentPaths): ContentSnapshot {
  const project = (path: string) => toPosix(relative(paths.root, path));
  const blogFiles = sortBlogFiles(listFiles(paths.blogDir, /./), (entry) => project(join(paths.blogDir, entry)));
  const posts = blogFiles.posts.map((entry) => ({
    file: project(join(paths.blogDir, entry)),
    id: entry.replace(/\.mdx$/, ''),
    source: readFileSync(join(paths.blogDir, entry), 'utf8'),
  }));
  const authors = listFiles(paths.authorsDir, /\.ya?ml$/).map((entry) => ({
    file: project(join(paths.authorsDir, entry)),
    id: entry.replace(/\.ya?ml$/, ''),
    source: readFileSync(join(paths.authorsDir, entry), 'utf8'),
  }));
  return {
    posts,
    authors,
    fileProblems: blogFiles.problems,
    context: {
      authorIds: new Set(authors.map((author) => author.id)),
      publicFiles: listFiles(paths.publicDir, /./).map((file) => `/${file}`),
      fileExists: (file) => existsSync(join(paths.root, file)),
    },
    committed: readCommittedPosts(paths),
    legal: { file: project(paths.legalFile), source: existsSync(paths.legalFile) ? readFileSync(paths.legalFile, 'utf8') : undefined },
    readBytes: (file) => readFile(join(paths.root, file)),
  };
}

/**
 * The content as the next commit will contain it: every file from git's index, so a fix that is
 * not yet `git add`-ed does not hide an error, and a deleted image or renamed post counts.
 */
export function readContentFromIndex(paths: ContentPaths): ContentSnapshot {
  const git = (args: string[]) => execFileSync('git', args, { cwd: paths.root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const indexed = git(['ls-files', '-z', '--', relative(paths.root, paths.blogDir), relative(paths.root, paths.authorsDir), relative(paths.root, paths.publicDir), relative(paths.root, paths.legalFile)])
    .split('\0')
    .filter((file) => file !== '')
    .map(toPosix);
  const inIndex = new Set(indexed);
  const blogPrefix = `${toPosix(relative(paths.root, paths.blogDir))}/`;
  const authorsPrefix = `${toPosix(relative(paths.root, paths.authorsDir))}/`;
  const publicPrefix = `${toPosix(relative(paths.root, paths.publicDir))}/`;
  const blogFiles = sortBlogFiles(
    indexed.filter((file) => file.startsWith(blogPrefix)).map((file) => file.slice(blogPrefix.length)),
    (entry) => `${blogPrefix}${entry}`,
  );
  const posts = blogFiles.posts.map((entry) => ({
    file: `${blogPrefix}${entry}`,
    id: entry.replace(/\.mdx$/, ''),
    source: git(['show', `:${blogPrefix}${entry}`]),
  }));
  const authors = indexed
    .filter((file) => file.startsWith(authorsPrefix) && /^[^/]+\.ya?ml$/.test(file.slice(authorsPrefix.length)))
    .map((file) => ({ file, id: file.slice(authorsPrefix.length).replace(/\.ya?ml$/, ''), source: git(['show', `:${file}`]) }));
  return {
    posts,
    authors,
    fileProblems: blogFiles.problems,
    context: {
      authorIds: new Set(authors.map((author) => author.id)),
      publicFiles: indexed.filter((file) => file.startsWith(publicPrefix)).map((file) => `/${file.slice(publicPrefix.length)}`),
      fileExists: (file) => inIndex.has(toPosix(file)),
    },
    committed: readCommittedPosts(paths),
    legal: {
      file: toPosix(relative(paths.root, paths.legalFile)),
      source: inIndex.has(toPosix(relative(paths.root, paths.legalFile))) ? git(['show', `:${toPosix(relative(paths.root, paths.legalFile))}`]) : undefined,
    },
    readBytes: async (file) => execFileSync('git', ['show', `:${toPosix(file)}`], { cwd: paths.root, maxBuffer: 1 << 30 }),
  };
}

/** The `.mdx` posts under the blog folder in git's HEAD, read in one `git cat-file` call. */
export function readCommittedPosts(paths: ContentPaths): PostFile[] {
  const blog = toPosix(relative(paths.root, paths.blogDir));
  if (blog.startsWith('..')) return [];
  const git = (args: string[], input?: string) =>
    execFileSync('git', args, { cwd: paths.root, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'], ...(input === undefined ? {} : { input }) });
  let names: string[];
  try {
    names = git(['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', `${blog}/`])
      .toString('utf8')
      .split('\0')
      .filter((name) => name.endsWith('.mdx'));
  } catch {
    // No git, no commit yet, or not a checkout: there is nothing published to compare with.
    return [];
  }
  if (names.length === 0) return [];
  const output = git(['cat-file', '--batch'], names.map((name) => `HEAD:${name}\n`).join(''));
  const posts: PostFile[] = [];
  let offset = 0;
  for (const name of names) {
    const headerEnd = output.indexOf(10, offset);
    const size = Number(output.subarray(offset, headerEnd).toString('latin1').split(' ')[2]);
    const source = output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8');
    offset = headerEnd + 1 + size + 1;
    posts.push({ file: name, id: name.slice(blog.length + 1).replace(/\.mdx$/, ''), source });
  }
  return posts;
}
