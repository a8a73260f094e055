import { describe, expect, it } from 'vitest';
import { relatedPosts } from '../../src/lib/related.ts';
import { parseDay } from '../../src/lib/dates.ts';

const post = (id: string, day: string, tags: string[]) => ({ id, data: { date: parseDay(day)!, tags } });

describe('relatedPosts', () => {
  const current = post('x', '2022-05-01', ['Sicherheit', 'Open Source', 'Backup']);
  const others = [
    post('old-two', '2019-01-01', ['sicherheit', 'backup']),
    post('new-one', '2022-04-01', ['Open Source']),
    post('newer-one', '2022-04-20', ['Sicherheit']),
    post('older-one', '2020-01-01', ['Backup']),
    post('unrelated', '2022-04-30', ['Genossenschaft']),
  ];

  it('ranks by shared topics, then recency, up to three, never itself or unrelated posts', () => {
    expect(relatedPosts(current, [current, ...others]).map((p) => p.id)).toEqual(['old-two', 'newer-one', 'new-one']);
  });
  it.each([
    [1, ['old-two']],
    [10, ['old-two', 'newer-one', 'new-one', 'older-one']],
  ])('max %i', (max, ids) => {
    expect(relatedPosts(current, others, max).map((p) => p.id)).toEqual(ids);
  });
  it('finds nothing for a post without topics', () => {
    expect(relatedPosts(post('y', '2022-01-01', []), others)).toEqual([]);
  });
});
