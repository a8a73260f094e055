import { format } from 'date-fns/format';
import { de } from 'date-fns/locale/de';
import { tz } from '@date-fns/tz';
import { site } from '#src/site.ts';

/** One month of the archive. */
export interface ArchiveMonth<T> {
  /** `2022-08`, also the anchor id (`monat-2022-08`). */
  key: string;
  /** German month and year: `August 2022`. */
  label: string;
  posts: T[];
}

/** One year of the archive, newest month first. */
export interface ArchiveYear<T> {
  year: number;
  months: ArchiveMonth<T>[];
  count: number;
}

/**
 * Groups posts (newest first) by year and month of their publication day in `timeZone`,
 * with German month names.
 */
export function groupByMonth<T>(
  posts: readonly T[],
  dateOf: (post: T) => Date,
  timeZone: string = site.timeZone,
): ArchiveYear<T>[] {
  const years: ArchiveYear<T>[] = [];
  for (const post of posts) {
    const date = dateOf(post);
    const key = format(date, 'yyyy-MM', { in: tz(timeZone) });
    const year = Number(key.slice(0, 4));
    let group = years.find((y) => y.year === year);
    if (!group) {
      group = { year, months: [], count: 0 };
      years.push(group);
    }
    let month = group.months.find((m) => m.key === key);
    if (!month) {
      month = { key, label: format(date, 'MMMM yyyy', { in: tz(timeZone), locale: de }), posts: [] };
      group.months.push(month);
    }
    month.posts.push(post);
    group.count++;
  }
  years.sort((a, b) => b.year - a.year);
  for (const year of years) year.months.sort((a, b) => b.key.localeCompare(a.key));
  return years;
}
