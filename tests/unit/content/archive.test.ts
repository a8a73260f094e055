import { describe, expect, it } from 'vitest';
import { groupByMonth } from '#lib/content/archive.ts';
import { parseDay } from '#lib/site/dates.ts';

const post = (id: string, day: string) => ({ id, date: parseDay(day)! });

describe('groupByMonth', () => {
  it('groups newest-first posts by year and month with German month names', () => {
    const years = groupByMonth(
      [post('a', '2022-08-12'), post('b', '2022-08-01'), post('c', '2022-03-08'), post('d', '2021-12-31'), post('e', '2020-01-01')],
      (p) => p.date,
    );
    expect(years.map((y) => [y.year, y.count, y.months.map((m) => [m.key, m.label, m.posts.map((p) => p.id)])])).toEqual([
      [2022, 3, [['2022-08', 'August 2022', ['a', 'b']], ['2022-03', 'März 2022', ['c']]]],
      [2021, 1, [['2021-12', 'Dezember 2021', ['d']]]],
      [2020, 1, [['2020-01', 'Januar 2020', ['e']]]],
    ]);
  });
  it('uses the day in Berlin, not in UTC', () => {
    // 31 Dec 2021, 23:30 UTC is already 1 January 2022 in Berlin.
    const years = groupByMonth([{ id: 'x', date: new Date('2021-12-31T23:30:00Z') }], (p) => p.date);
    expect(years[0]!.months[0]!.label).toBe('Januar 2022');
  });
  it('is empty for no posts', () => {
    expect(groupByMonth([], () => new Date())).toEqual([]);
  });
});
