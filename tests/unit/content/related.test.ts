import { describe, expect, it } from 'vitest';
import { relatedFinder } from '#lib/content/related.ts';
import { parseDay } from '#lib/site/dates.ts';

const post = (id: string, day: string, tags: string[]) => ({ id, data: { date: parseDay(day)!, tags } });

describe('relatedFinder: ranking', () => {
  const current = post('x', '2022-05-01', ['Sicherheit', 'Open Source', 'Backup']);
  const others = [
    post('old-two', '2019-01-01', ['sicherheit', 'backup']),
    post('new-one', '2022-04-01', ['Open Source']),
    post('newer-one', '2022-04-20', ['Sicherheit']),
    post('older-one', '2020-01-01', ['Backup']),
    post('unrelated', '2022-04-30', ['Genossenschaft']),
  ];

  it('ranks by shared topics, then recency, up to three, never itself or unrelated posts', () => {
    expect(relatedFinder([current, ...others])(current).map((p) => p.id)).toEqual(['old-two', 'newer-one', 'new-one']);
  });
  it.each([
    [1, ['old-two']],
    [10, ['old-two', 'newer-one', 'new-one', 'older-one']],
  ])('max %i', (max, ids) => {
    expect(relatedFinder([current, ...others], max)(current).map((p) => p.id)).toEqual(ids);
  });
  it('finds nothing for a post without topics', () => {
    const lonely = post('y', '2022-01-01', []);
    expect(relatedFinder([lonely, ...others])(lonely)).toEqual([]);
  });
});

describe('relatedFinder', () => {
  const day = (n: number) => parseDay(`2022-01-${String(n).padStart(2, '0')}`)!;
  const many = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, data: { date: day((i % 28) + 1), tags: i % 3 === 0 ? ['A', 'B'] : i % 3 === 1 ? ['a'] : ['C'] } }));

  it('gives the same answer as ranking every candidate by shared topics, date and position', () => {
    const find = relatedFinder(many, 4);
    for (const post of many) {
      const mine = new Set(post.data.tags.map((tag) => tag.toLowerCase()));
      const expected = many
        .map((other, index) => ({ other, index, shared: new Set(other.data.tags.map((tag) => tag.toLowerCase()).filter((t) => mine.has(t))).size }))
        .filter(({ other, shared }) => other !== post && shared > 0)
        .sort((a, b) => b.shared - a.shared || b.other.data.date.getTime() - a.other.data.date.getTime() || a.index - b.index)
        .slice(0, 4)
        .map(({ other }) => other.id);
      expect(find(post).map((p) => p.id), post.id).toEqual(expected);
    }
  });
  it('finds nothing with max 0', () => {
    expect(relatedFinder(many, 0)(many[0]!)).toEqual([]);
  });
});
