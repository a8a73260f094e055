import { describe, expect, it } from 'vitest';
import { formatDate, parseDay, toDayKey, toIsoDateTime, yearOf } from '#lib/site/dates.ts';

describe('parseDay', () => {
  it.each([
    ['2022-08-12', '2022-08-12T10:00:00.000Z'], // CEST: noon in Berlin is 10:00 UTC
    ['2022-01-15', '2022-01-15T11:00:00.000Z'], // CET: noon in Berlin is 11:00 UTC
    ['2024-02-29', '2024-02-29T11:00:00.000Z'], // leap day
    [' 2022-03-27 ', '2022-03-27T10:00:00.000Z'], // day of the switch to summer time
  ])('reads %s as noon in Berlin', (input, iso) => {
    expect(parseDay(input)?.toISOString()).toBe(iso);
  });

  it.each(['2022-02-30', '2023-02-29', '2022-13-01', '12.08.2022', '2022-8-12', '', 'morgen', '2022-08-12T10:00'])(
    'rejects %j',
    (input) => {
      expect(parseDay(input)).toBeUndefined();
    },
  );
});

describe('formatDate and toDayKey', () => {
  it.each([
    // An instant just after midnight in Berlin is still the previous day in UTC.
    ['2022-08-11T22:30:00Z', '12.08.2022', '2022-08-12', 2022],
    // New Year's Eve: 23:30 UTC is already 1 January in Berlin.
    ['2021-12-31T23:30:00Z', '01.01.2022', '2022-01-01', 2022],
    ['2022-08-12T21:59:59Z', '12.08.2022', '2022-08-12', 2022],
    ['2022-08-12T22:00:00Z', '13.08.2022', '2022-08-13', 2022],
  ])('%s is %s in Berlin', (iso, display, key, year) => {
    const date = new Date(iso);
    expect(formatDate(date)).toBe(display);
    expect(toDayKey(date)).toBe(key);
    expect(yearOf(date)).toBe(year);
  });

  it('round-trips every parsed day, whatever the zone of the process', () => {
    for (const day of ['2022-08-12', '2022-03-08', '2020-01-01', '2021-12-31', '2022-10-30']) {
      const date = parseDay(day);
      expect(date).toBeDefined();
      expect(toDayKey(date!)).toBe(day);
      expect(formatDate(date!)).toBe(day.split('-').reverse().join('.'));
    }
  });

  it('can format in another zone when asked', () => {
    expect(formatDate(new Date('2022-08-12T10:00:00Z'), 'Pacific/Kiritimati')).toBe('13.08.2022');
  });

  it('keeps remembered results apart by instant and zone', () => {
    // Results are remembered: the same instant asked in Berlin first must not answer for another zone.
    const instant = new Date('2022-08-12T23:30:00Z');
    expect(formatDate(instant)).toBe('13.08.2022');
    expect(formatDate(instant, 'UTC')).toBe('12.08.2022');
    expect(toDayKey(instant, 'UTC')).toBe('2022-08-12');
    expect(toDayKey(new Date(instant.getTime() + 3_600_000), 'UTC')).toBe('2022-08-13');
    expect(formatDate(instant)).toBe('13.08.2022');
    expect(toIsoDateTime(instant)).toBe('2022-08-13T01:30:00+02:00');
    expect(toIsoDateTime(instant, 'UTC')).toBe('2022-08-12T23:30:00Z');
    expect(yearOf(new Date('2021-12-31T23:30:00Z'))).toBe(2022);
    expect(yearOf(new Date('2021-12-31T23:30:00Z'), 'UTC')).toBe(2021);
  });

  it('throws for an invalid date every time, as nothing is remembered for it', () => {
    const invalid = new Date(Number.NaN);
    expect(() => formatDate(invalid)).toThrow(RangeError);
    expect(() => formatDate(invalid)).toThrow(RangeError);
    expect(() => toDayKey(invalid)).toThrow(RangeError);
  });

  it('stays right for more distinct instants than it remembers', () => {
    const start = Date.parse('2000-01-01T12:00:00Z');
    for (let day = 0; day < 60_000; day++) toDayKey(new Date(start + day * 86_400_000));
    expect(toDayKey(new Date(start))).toBe('2000-01-01');
    expect(toDayKey(new Date(start + 59_999 * 86_400_000))).toBe('2164-04-09');
    expect(formatDate(new Date(start + 30_000 * 86_400_000))).toBe('19.02.2082');
  });
});

describe('independence from the process time zone', () => {
  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'UTC'])('in %s', (zone) => {
    const previous = process.env['TZ'];
    process.env['TZ'] = zone; // Node applies a changed TZ at once
    try {
      const date = parseDay('2022-08-12');
      expect(date?.toISOString()).toBe('2022-08-12T10:00:00.000Z');
      expect(formatDate(date!)).toBe('12.08.2022');
      expect(toDayKey(date!)).toBe('2022-08-12');
    } finally {
      if (previous === undefined) delete process.env['TZ'];
      else process.env['TZ'] = previous;
    }
  });
});

describe('toIsoDateTime', () => {
  it.each([
    ['2022-08-12', '2022-08-12T12:00:00+02:00'], // summer time
    ['2022-01-15', '2022-01-15T12:00:00+01:00'], // winter time
    ['2022-03-27', '2022-03-27T12:00:00+02:00'], // day of the switch to summer time
  ])('writes the day %s as noon in Berlin with its offset', (day, iso) => {
    const date = parseDay(day)!;
    expect(toIsoDateTime(date)).toBe(iso);
    expect(new Date(toIsoDateTime(date)).getTime()).toBe(date.getTime());
  });

  it('keeps the Berlin day for an instant that is another day in UTC', () => {
    expect(toIsoDateTime(new Date('2021-12-31T23:30:00Z'))).toBe('2022-01-01T00:30:00+01:00');
  });
});
