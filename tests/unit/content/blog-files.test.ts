import { describe, expect, it } from 'vitest';
import { sortBlogFiles } from '#lib/content/blog-files.ts';
import { formatProblem } from '#lib/checks/problem.ts';

const label = (path: string) => `content/blog/${path}`;
const sort = (...files: string[]) => {
  const { posts, problems } = sortBlogFiles(files, label);
  return { posts, problems: problems.map(formatProblem) };
};

describe('sortBlogFiles: every file under content/blog/ is a post, an image, or named', () => {
  it.each([
    ['a flat post', ['gut.mdx'], ['gut.mdx']],
    ['a folder post with its images', ['reise/index.mdx', 'reise/foto.jpg', 'reise/Plan.PNG', 'reise/karte.svg'], ['reise/index.mdx']],
    ['posts grouped in folders', ['2024/jahr/index.mdx', '2024/kurz.mdx'], ['2024/jahr/index.mdx', '2024/kurz.mdx']],
    ['umlauts and ß in names', ['größe-maß.mdx'], ['größe-maß.mdx']],
    ['hidden files of the system and of editors', ['.DS_Store', 'reise/.gitkeep', 'reise/index.mdx', 'gut.mdx~', '#gut.mdx#', 'Thumbs.db'], ['reise/index.mdx']],
    ['nothing at all', [], []],
  ])('takes %s without a word', (_, files, posts) => {
    expect(sort(...files)).toEqual({ posts, problems: [] });
  });

  it.each([
    ['a Markdown post', 'neuer-beitrag.md', 'content/blog/neuer-beitrag.md: wird nicht veröffentlicht: Beiträge sind .mdx-Dateien; erwartet wird der Name content/blog/neuer-beitrag.mdx; in MDX werden HTML-Kommentare zu {/* … */} und die Teaser-Markierung heißt {/* more */}'],
    ['an index.md in a folder', 'reise/index.md', expect.stringMatching(/^content\/blog\/reise\/index\.md: wird nicht veröffentlicht: .* erwartet wird der Name content\/blog\/reise\/index\.mdx;/)],
    ['upper-case .MDX', 'GROSS.MDX', 'content/blog/GROSS.MDX: wird nicht veröffentlicht: Beiträge sind .mdx-Dateien (Endung kleingeschrieben); erwartet wird der Name content/blog/GROSS.mdx'],
    ['.markdown', 'text.markdown', expect.stringMatching(/^content\/blog\/text\.markdown: .*erwartet wird der Name content\/blog\/text\.mdx/)],
    ['a text file', 'notiz.txt', 'content/blog/notiz.txt: wird nicht veröffentlicht: Beiträge sind .mdx-Dateien; erwartet wird der Name content/blog/notiz.mdx'],
    ['a hidden post', '.geheim.mdx', expect.stringMatching(/^content\/blog\/\.geheim\.mdx: versteckte Datei .* wird nicht veröffentlicht/)],
    ['a post in a hidden folder', '.entwuerfe/neu.mdx', expect.stringMatching(/^content\/blog\/\.entwuerfe\/neu\.mdx: versteckte Datei/)],
    ['a download', 'flyer.pdf', expect.stringMatching(/^content\/blog\/flyer\.pdf: wird nicht veröffentlicht: in content\/blog\/ gehören nur Beiträge .*public\//)],
    ['a file without extension', 'LIESMICH', expect.stringMatching(/^content\/blog\/LIESMICH: wird nicht veröffentlicht/)],
  ])('names %s', (_, file, line) => {
    expect(sort('gut.mdx', file)).toEqual({ posts: ['gut.mdx'], problems: [line] });
  });

  it('names a folder of images without a post once, not each image', () => {
    expect(sort('reise/foto.jpg', 'reise/karte.png', 'gut.mdx').problems).toEqual([
      'content/blog/reise: Ordner ohne Beitrag: die Dateien darin gehören zu keinem Beitrag; erwartet wird content/blog/reise/index.mdx (oder die Dateien neben einen Beitrag legen)',
    ]);
  });

  it('does not call a folder empty whose post has the wrong extension: that file is named instead', () => {
    expect(sort('reise/index.md', 'reise/foto.jpg').problems).toEqual([expect.stringMatching(/^content\/blog\/reise\/index\.md: /)]);
  });
});
