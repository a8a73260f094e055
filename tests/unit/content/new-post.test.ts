import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, matchAuthor, newPostSlug, newPostSource } from '#lib/content/new-post.ts';
import { checkPosts } from '#lib/checks/content.ts';

describe('newPostSlug', () => {
  it.each([
    ['Grüße aus Köln', 'gruesse-aus-koeln'],
    ['Straße: 5 Tipps für „Backups“', 'strasse-5-tipps-fuer-backups'],
  ])('%s → %s', (title, slug) => {
    expect(newPostSlug(title)).toBe(slug);
  });
  it.each([
    ['a title of exactly 80 letters: kept', 'a'.repeat(80), 'a'.repeat(80)],
    ['a long title: cut at the last word end within 80 letters', `${'wort '.repeat(57)}ende`, Array(16).fill('wort').join('-')],
    ['one word longer than 80 letters: cut inside it', 'x'.repeat(300), 'x'.repeat(80)],
  ])('%s', (_, title, slug) => {
    expect(newPostSlug(title)).toBe(slug);
  });
  it('never makes a name longer than MAX_SLUG_LENGTH, nor one ending in a hyphen', () => {
    for (const length of [79, 80, 81, 150, 290]) {
      const slug = newPostSlug('Genossenschaft '.repeat(30).slice(0, length));
      expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      expect(slug).not.toMatch(/-$/);
    }
  });
  it('refuses a title without letters or digits', () => {
    expect(() => newPostSlug('„…“')).toThrow(/kein Dateiname/);
  });
});

describe('newPostSource', () => {
  it('writes a draft that passes the content checks, with marker and quoted title', () => {
    const source = newPostSource({ title: 'Straße: „Zitat“ #1', day: '2026-11-27', authorId: 'redaktion' });
    expect(source).toContain('title: "Straße: „Zitat“ #1"');
    expect(source).toContain('date: 2026-11-27');
    expect(source).toContain('author: redaktion');
    expect(source).toContain('draft: true');
    expect(source.match(/\{\/\* more \*\/\}/g)).toHaveLength(1);
    const problems = checkPosts([{ file: 'content/blog/neu.mdx', id: 'neu', source }], {
      authorIds: new Set(['redaktion']),
      publicFiles: [],
      fileExists: () => false,
      now: new Date('2026-11-27T12:00:00Z'),
    });
    expect(problems).toEqual([]);
  });
  it('leaves the author as a comment when none matched', () => {
    expect(newPostSource({ title: 'T', day: '2026-11-27', authorId: undefined })).toContain('# author: redaktion');
  });
});

describe('matchAuthor', () => {
  const authors = [
    { id: 'michael-hierweck', name: 'Michael Hierweck' },
    { id: 'redaktion', name: 'Redaktion der Hostsharing eG' },
  ];
  it.each([
    ['Michael Hierweck', 'michael-hierweck'],
    ['  michael   hierweck ', 'michael-hierweck'],
    ['Jemand Anderes', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %s', (name, id) => {
    expect(matchAuthor(name, authors)).toBe(id);
  });
});
