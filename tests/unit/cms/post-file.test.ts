import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPostFile, writePostFile } from '#lib/cms/post-file.ts';
import { postFormFields } from '#lib/cms/config.ts';
import { listFiles } from '#lib/content/files.ts';

// The editor writes post files as the posts and `npm run new` write them, so that a save changes
// the lines of what was changed and nothing else.

const order = postFormFields({ authors: [], topics: [] }).map((field) => field.name);
const BLOG = join(import.meta.dirname, '../../../content/blog');

describe('post files as the web editor writes them', () => {
  it('quotes texts, leaves days, ids and switches plain, writes topics on one line and never folds', () => {
    const text = writePostFile(
      {
        title: 'Neu: Tarife',
        date: '2026-11-02',
        author: 'redaktion',
        tags: ['Betrieb', 'Open Source'],
        description: 'Ein langer Satz, der weit über achtzig Zeichen hinausgeht und trotzdem auf einer Zeile bleiben soll.',
        image: { src: './bild.jpg', alt: 'Ein Server' },
        draft: true,
        body: 'Text.',
      },
      order,
    );
    expect(text).toBe(
      [
        '---',
        'title: "Neu: Tarife"',
        'date: 2026-11-02',
        'author: redaktion',
        'tags: ["Betrieb", "Open Source"]',
        'description: "Ein langer Satz, der weit über achtzig Zeichen hinausgeht und trotzdem auf einer Zeile bleiben soll."',
        'image:',
        '  src: ./bild.jpg',
        '  alt: "Ein Server"',
        'draft: true',
        '---',
        '',
        'Text.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what the form left blank', () => {
    expect(writePostFile({ title: 'A', date: '2026-11-02', author: null, description: '', image: { src: '', alt: '' }, tags: [], body: 'B' }, order)).toBe(
      '---\ntitle: "A"\ndate: 2026-11-02\ntags: []\n---\n\nB\n',
    );
  });

  it('quotes a value YAML would read as something else', () => {
    expect(writePostFile({ author: 'yes', date: 'heute 12:00' })).toBe('---\nauthor: "yes"\ndate: "heute 12:00"\n---\n');
  });

  it.each(listFiles(BLOG).filter((path) => path.endsWith('.mdx')))('writes %s back byte for byte', (path) => {
    const source = readFileSync(join(BLOG, path), 'utf8');
    expect(writePostFile(readPostFile(source), order)).toBe(source);
  });
});
