import { format } from 'date-fns/format';
import { de } from 'date-fns/locale/de';
import { tz, TZDate } from '@date-fns/tz';
import { site } from '#src/site.ts';

// Subpath imports on purpose: the `date-fns` and `date-fns/locale` barrels load every locale.

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Hour of the day (in the site's zone) that stands for a post's publication day. */
const PUBLICATION_HOUR = 12;

/**
 * Parses a `YYYY-MM-DD` calendar day into the instant that stands for it: noon in `timeZone`.
 * Noon keeps the day the same in UTC (feeds) and in Berlin (pages). Returns `undefined` for
 * anything that is not a real day, such as `2022-02-30` or `12.08.2022`.
 */
export function parseDay(value: string, timeZone: string = site.timeZone): Date | undefined {
  const match = DAY_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new TZDate(year, month - 1, day, PUBLICATION_HOUR, 0, 0, timeZone);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return undefined;
  }
  return new Date(date.getTime());
}

/** Results kept per formatter; more distinct instants than this start the memory afresh. */
const REMEMBERED_RESULTS = 50_000;

/**
 * `formatter`, with each result kept per instant and zone. A build shows the same few thousand
 * post dates on every index, topic and archive page, and formatting in a time zone is not
 * cheap enough to repeat for each. Instants that are not post dates
 * (the footer's current year, a long-running dev server) are bounded by `REMEMBERED_RESULTS`.
 */
function remembered(
  formatter: (date: Date, timeZone: string) => string,
): (date: Date, timeZone?: string) => string {
  const results = new Map<string, string>();
  return (date, timeZone = site.timeZone) => {
    const key = `${date.getTime()} ${timeZone}`;
    let result = results.get(key);
    if (result === undefined) {
      // Throws (RangeError) for an invalid date before anything is kept.
      result = formatter(date, timeZone);
      if (results.size >= REMEMBERED_RESULTS) results.clear();
      results.set(key, result);
    }
    return result;
  };
}

/** The calendar day of `date` in `timeZone`, as `YYYY-MM-DD` (for `<time datetime>` and comparisons). */
export const toDayKey = remembered((date, timeZone) => format(date, 'yyyy-MM-dd', { in: tz(timeZone) }));

/** The German display form of a day: `12.08.2022`. */
export const formatDate = remembered((date, timeZone) => format(date, 'dd.MM.yyyy', { in: tz(timeZone), locale: de }));

const yearText = remembered((date, timeZone) => format(date, 'yyyy', { in: tz(timeZone) }));

/** The year of `date` in `timeZone`, used in article URLs. */
export const yearOf = (date: Date, timeZone: string = site.timeZone): number => Number(yearText(date, timeZone));

/**
 * `date` as an ISO 8601 date-time with the offset of `timeZone` (`2022-08-12T12:00:00+02:00`), for
 * machine-readable dates (Open Graph, JSON-LD) that keep the publication day of Berlin.
 */
export const toIsoDateTime = remembered((date, timeZone) => format(date, "yyyy-MM-dd'T'HH:mm:ssXXX", { in: tz(timeZone) }));
