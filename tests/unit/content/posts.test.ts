import { describe, expect, it } from 'vitest';
import { parseDay } from '#lib/site/dates.ts';
import { buildTime, byNewestFirst, isPublished, neighbours, postUrl } from '#lib/content/posts.ts';
import type { Post } from '#lib/content/posts.ts';

const day = (value: string) => {
  const date = parseDay(value);
  if (!date) throw new Error(value);
  return date;
};

const post = (id: string, date: string, extra: Partial<Post['data']> = {}) =>
  ({
    id,
    filePath: `content/blog/${id}.mdx`,
    data: { title: id, date: day(date), tags: [], draft: false, ...extra },
  }) as unknown as Post;

describe('isPublished', () => {
  it.each([
    ['a past post', '2022-08-12', false, '2022-08-13T08:00:00Z', true],
    ['a post on its day, early morning in Berlin', '2022-08-12', false, '2022-08-11T22:30:00Z', true],
    ['a post the evening before its day in Berlin', '2022-08-12', false, '2022-08-11T21:30:00Z', false],
    ['a draft', '2020-01-01', true, '2026-01-01T00:00:00Z', false],
  ])('%s', (_, date, draft, now, expected) => {
    expect(isPublished({ date: day(date), draft }, new Date(now))).toBe(expected);
  });
});

describe('postUrl', () => {
  it.each([
    ['gemeinsam-gegen-malware', '2022-05-21', '/blog/2022/gemeinsam-gegen-malware/'],
    ['grüße-aus-köln/index', '2021-12-31', '/blog/2021/gruesse-aus-koeln/'],
    ['neujahr', '2022-01-01', '/blog/2022/neujahr/'],
  ])('%s on %s → %s', (id, date, url) => {
    expect(postUrl(post(id, date))).toBe(url);
  });
});

describe('byNewestFirst', () => {
  it('sorts by date, newest first, then by title', () => {
    const posts = [post('b', '2021-01-01'), post('c', '2022-01-01'), post('a', '2021-01-01')];
    expect(posts.sort(byNewestFirst).map((p) => p.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('neighbours', () => {
  it.each([
    [0, undefined, 'b'],
    [1, 'a', 'c'],
    [2, 'b', undefined],
  ])('index %i: newer %s, older %s', (index, newer, older) => {
    expect(neighbours(['a', 'b', 'c'], index)).toEqual({ newer, older });
  });
});

describe('buildTime', () => {
  it('is the moment the build’s first step chose, so every step agrees across midnight', () => {
    expect(buildTime({ BLOG_BUILD_TIME: '2026-12-01T22:59:59.000Z' }).toISOString()).toBe('2026-12-01T22:59:59.000Z');
  });
  it('is now without it', () => {
    const before = Date.now();
    const time = buildTime({}).getTime();
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
  });
});
