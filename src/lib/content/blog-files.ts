import type { Problem } from '#lib/checks/problem.ts';

/**
 * Which files under `content/blog/` are posts, and which would be left out of the site without a
 * word: a `.md` post (the habit of other blog systems), `.MDX`, `.markdown`, `.txt`, an
 * `index.md` in a folder post, a folder of images without a post. Astro's collection reads
 * exactly `**\/*.mdx` (src/content.config.ts), so every other file is either an image beside a
 * post or a mistake that the content check names.
 *
 * Posts are MDX only, never Markdown as well: Markdown differs from MDX in the teaser marker
 * (`<!-- more -->`), comments, `<` and `{`, so a second format would mean a second set of rules for
 * editors and checks. A `.md` file is refused with the name to rename it to.
 */

/** Image files a post may show (`![Alt](./bild.png)`, the cover `image.src`). */
export const IMAGE_EXTENSIONS = ['avif', 'gif', 'jpeg', 'jpg', 'png', 'svg', 'tif', 'tiff', 'webp'] as const;

/** Extensions of text that an editor meant as a post. */
const TEXT_EXTENSIONS = new Set(['md', 'mdx', 'markdown', 'mdown', 'mkd', 'mkdn', 'txt', 'text']);

/** Files that editors' programs write on their own, never meant to be published. */
const isJunk = (name: string): boolean =>
  /~$/.test(name) || /^#.*#$/.test(name) || /^(?:Thumbs\.db|desktop\.ini)$/i.test(name);

const extensionOf = (name: string): string | undefined => /\.([^.]+)$/.exec(name)?.[1];

/** Where a file under content/blog/ stands: a post, an image, or a problem. */
export interface BlogFiles {
  /** Paths of posts, relative to the blog folder (forward slashes). */
  posts: string[];
  problems: Problem[];
}

/**
 * Sorts the files under the blog folder (`files`: paths relative to it, forward slashes) into
 * posts and problems. `label` turns a relative path into the path shown to editors.
 */
export function sortBlogFiles(files: readonly string[], label: (path: string) => string): BlogFiles {
  const posts: string[] = [];
  const problems: Problem[] = [];
  const error = (path: string, message: string) => problems.push({ file: label(path), message, severity: 'error' });
  /** Folders that hold a post or a text meant as one (at any depth below). */
  const folders = new Map<string, boolean>();
  const markFolders = (path: string, hasPost: boolean) => {
    const parts = path.split('/').slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth += 1) {
      const folder = parts.slice(0, depth).join('/');
      folders.set(folder, (folders.get(folder) ?? false) || hasPost);
    }
  };

  for (const path of [...files].sort()) {
    const parts = path.split('/');
    const name = parts.at(-1) ?? path;
    const extension = extensionOf(name);
    const lower = extension?.toLowerCase();
    const isText = lower !== undefined && TEXT_EXTENSIONS.has(lower);
    const hidden = parts.some((part) => part.startsWith('.'));
    if (hidden || isJunk(name)) {
      // The collection skips hidden files and folders; a post among them would vanish.
      if (isText && !isJunk(name)) {
        error(path, 'versteckte Datei (Name oder Ordner beginnt mit einem Punkt) wird nicht veröffentlicht; erwartet wird ein Name ohne Punkt am Anfang');
      }
      continue;
    }
    markFolders(path, isText);
    if (extension === 'mdx') {
      posts.push(path);
    } else if (isText) {
      const rename = `${path.slice(0, path.length - (extension?.length ?? 0))}mdx`;
      const hint =
        lower === 'md' || lower === 'markdown' || lower === 'mdown' || lower === 'mkd' || lower === 'mkdn'
          ? '; in MDX werden HTML-Kommentare zu {/* … */} und die Teaser-Markierung heißt {/* more */}'
          : '';
      const caseNote = lower === 'mdx' ? ' (Endung kleingeschrieben)' : '';
      error(path, `wird nicht veröffentlicht: Beiträge sind .mdx-Dateien${caseNote}; erwartet wird der Name ${label(rename)}${hint}`);
    } else if (lower === undefined || !(IMAGE_EXTENSIONS as readonly string[]).includes(lower)) {
      error(
        path,
        'wird nicht veröffentlicht: in content/blog/ gehören nur Beiträge (.mdx) und ihre Bilder (JPEG, PNG, WebP, AVIF, GIF); Dateien zum Herunterladen gehören nach public/',
      );
    }
  }
  for (const [folder, hasPost] of folders) {
    if (!hasPost) {
      error(
        folder,
        `Ordner ohne Beitrag: die Dateien darin gehören zu keinem Beitrag; erwartet wird ${label(`${folder}/index.mdx`)} (oder die Dateien neben einen Beitrag legen)`,
      );
    }
  }
  return { posts, problems };
}
