import { describe, expect, it } from 'vitest';
import {
  cleanupScript,
  currentRelease,
  isLeftoverName,
  isReleaseName,
  nextReleaseName,
  parseState,
  partialName,
  parseTarget,
  previousRelease,
  pruneScript,
  releaseName,
  releasesToPrune,
  shellQuote,
  sortReleases,
  switchScript,
} from '../../../scripts/lib/releases.ts';

const R1 = '2026-01-01T10-00-00.000Z';
const R2 = '2026-01-02T10-00-00.000Z';
const R3 = '2026-02-01T09-30-15.250Z';
const R4 = '2026-03-01T00-00-00.001Z';
const R5 = '2026-12-31T23-59-59.999Z';

describe('parseTarget', () => {
  it.each([
    ['/srv/blog', { kind: 'local', path: '/srv/blog' }],
    ['/srv/blog/', { kind: 'local', path: '/srv/blog' }],
    ['./ziel', { kind: 'local', path: './ziel' }],
    ['/', { kind: 'local', path: '/' }],
    ['./a:b', { kind: 'local', path: './a:b' }],
    ['xyz00-blog@xyz.hostsharing.net:blog', { kind: 'remote', host: 'xyz00-blog@xyz.hostsharing.net', path: 'blog' }],
    ['server:/var/www/blog/', { kind: 'remote', host: 'server', path: '/var/www/blog' }],
  ])('%s', (value, expected) => {
    expect(parseTarget(value)).toEqual(expected);
  });

  it.each([undefined, '', '  ', 'host:'])('refuses %j', (value) => {
    expect(() => parseTarget(value)).toThrow(/DEPLOY_TARGET/);
  });
});

describe('release names', () => {
  it('are the UTC time, sortable as text and without colons', () => {
    expect(releaseName(new Date('2026-02-01T09:30:15.250Z'))).toBe(R3);
    expect(releaseName(new Date('2026-02-01T10:30:15.250+01:00'))).toBe(R3);
    expect(isReleaseName(R3)).toBe(true);
  });

  it.each(['current', '..', '2026-01-01', 'x2026-01-01T10-00-00.000Z', '2026-01-01T10:00:00.000Z'])('%j is none', (name) => {
    expect(isReleaseName(name)).toBe(false);
  });

  it('sort oldest first and drop foreign entries and leftovers', () => {
    expect(sortReleases([R3, 'lost+found', R1, '', `${R4}.partial`, R2, `${R5}.deleting`])).toEqual([R1, R2, R3]);
  });
});

describe('leftovers of unfinished copies and deletions', () => {
  it.each([
    [partialName(R3), true],
    [`${R3}.partial`, true],
    [`${R3}.deleting`, true],
    [R3, false],
    [`${R3}.partial.x`, false],
    [`${R3}.tmp`, false],
    ['x.partial', false],
    ['.partial', false],
    [`../${R3}.partial`, false],
  ])('%j → %s', (name, expected) => {
    expect(isLeftoverName(name)).toBe(expected);
  });
});

describe('nextReleaseName', () => {
  it.each([
    { name: 'the time now on an empty target', now: '2026-02-01T09:30:15.250Z', existing: [], expected: R3 },
    { name: 'the time now after older releases', now: '2026-02-01T09:30:15.250Z', existing: [R1, R2], expected: R3 },
    { name: 'after a release made in the same millisecond', now: '2026-02-01T09:30:15.250Z', existing: [R3], expected: '2026-02-01T09-30-15.251Z' },
    { name: 'after a release of a machine whose clock is ahead', now: '2026-01-01T00:00:00.000Z', existing: [R1, R5], expected: '2027-01-01T00-00-00.000Z' },
    { name: 'after a leftover copy', now: '2026-01-01T00:00:00.000Z', existing: [`${R2}.partial`], expected: '2026-01-02T10-00-00.001Z' },
    { name: 'ignoring foreign folders', now: '2026-02-01T09:30:15.250Z', existing: ['9999-lost+found', 'zzz'], expected: R3 },
  ])('$name', ({ now, existing, expected }) => {
    expect(nextReleaseName(new Date(now), existing)).toBe(expected);
  });
});

describe('currentRelease', () => {
  it.each([
    [`releases/${R2}`, R2],
    [`releases/${R2}/\n`, R2],
    [`/srv/blog/releases/${R2}`, R2],
    ['', undefined],
    [undefined, undefined],
    ['/etc', undefined],
  ])('%j → %s', (link, expected) => {
    expect(currentRelease(link)).toBe(expected);
  });
});

describe('previousRelease', () => {
  it.each([
    { releases: [R1, R2, R3], current: R3, expected: R2 },
    { releases: [R3, R1, R2], current: R2, expected: R1 },
    { releases: [R1, R2, R3], current: R1, expected: undefined },
    { releases: [R1], current: R1, expected: undefined },
    { releases: [], current: undefined, expected: undefined },
    { releases: [R1, R2], current: R5, expected: undefined },
  ])('$releases at $current → $expected', ({ releases, current, expected }) => {
    expect(previousRelease(releases, current)).toBe(expected);
  });
});

describe('releasesToPrune', () => {
  it.each([
    { name: 'keeps the newest', releases: [R1, R2, R3, R4, R5], current: R5, keep: 3, expected: [R1, R2] },
    { name: 'nothing while there are few', releases: [R1, R2], current: R2, keep: 5, expected: [] },
    { name: 'never fewer than two', releases: [R1, R2, R3], current: R3, keep: 1, expected: [R1] },
    { name: 'never current or its predecessor after a rollback', releases: [R1, R2, R3, R4, R5], current: R2, keep: 2, expected: [R3] },
    { name: 'ignores foreign folders', releases: ['alt', R1, R2, R3], current: R3, keep: 2, expected: [R1] },
  ])('$name', ({ releases, current, keep, expected }) => {
    expect(releasesToPrune(releases, current, keep)).toEqual(expected);
  });
});

describe('shell scripts', () => {
  it('quote any path for the shell', () => {
    expect(shellQuote("/srv/mein blog/it's")).toBe(`'/srv/mein blog/it'\\''s'`);
  });

  it('switch current with a symlink renamed over the old one, never interrupted', () => {
    expect(switchScript('/srv/blog', R2).split('\n')).toEqual([
      "trap '' HUP INT TERM",
      'set -e',
      "cd '/srv/blog'",
      `test -d 'releases/${R2}'`,
      `ln -sfn 'releases/${R2}' .current.tmp`,
      'mv -T .current.tmp current',
    ]);
  });

  it('switch to a finished copy after the guard, renaming it to its release name first', () => {
    expect(switchScript('/srv/blog', R2, { fromPartial: true, guard: 'test -e .deploy-lock/token-ab12cd34' }).split('\n')).toEqual([
      "trap '' HUP INT TERM",
      'set -e',
      "cd '/srv/blog'",
      'test -e .deploy-lock/token-ab12cd34',
      `mv -T 'releases/${R2}.partial' 'releases/${R2}'`,
      `test -d 'releases/${R2}'`,
      `ln -sfn 'releases/${R2}' .current.tmp`,
      'mv -T .current.tmp current',
    ]);
  });

  it('refuse to switch to or delete anything but a release', () => {
    expect(() => switchScript('/srv/blog', '../../etc')).toThrow();
    expect(() => switchScript('/srv/blog', `${R1}.partial`)).toThrow();
    expect(() => pruneScript('/srv/blog', [R1, '*'])).toThrow();
    expect(() => pruneScript('/srv/blog', [`${R1}.partial`])).toThrow();
    expect(pruneScript('/srv/blog', [])).toBe('true');
  });

  it('delete releases by renaming them out of the way first', () => {
    expect(pruneScript('/srv/blog', [R1, R2])).toBe(
      `cd '/srv/blog' && mv -T 'releases/${R1}' 'releases/${R1}.deleting' && mv -T 'releases/${R2}' 'releases/${R2}.deleting'` +
        ` && rm -rf 'releases/${R1}.deleting' 'releases/${R2}.deleting'`,
    );
  });

  it('delete leftovers and nothing else', () => {
    expect(cleanupScript('/srv/blog', [])).toBe('true');
    expect(cleanupScript('/srv/blog', [`${R1}.partial`, `${R2}.deleting`])).toBe(
      `cd '/srv/blog' && rm -rf 'releases/${R1}.partial' 'releases/${R2}.deleting'`,
    );
    expect(() => cleanupScript('/srv/blog', [R1])).toThrow();
    expect(() => cleanupScript('/srv/blog', ['*.partial'])).toThrow();
  });

  it.each([
    { name: 'releases and current', output: `${R2}\n${R1}\n---\nreleases/${R2}\n`, expected: { releases: [R1, R2], current: R2, leftovers: [] } },
    {
      name: 'leftovers apart from releases',
      output: `${R1}\n${R2}.partial\n${R3}\n${R1}.deleting\nlost+found\n---\nreleases/${R3}\n`,
      expected: { releases: [R1, R3], current: R3, leftovers: [`${R1}.deleting`, `${R2}.partial`] },
    },
    { name: 'current never a leftover', output: `${R1}.partial\n---\nreleases/${R1}.partial\n`, expected: { releases: [], current: undefined, leftovers: [`${R1}.partial`] } },
    { name: 'an empty target', output: '---\n', expected: { releases: [], current: undefined, leftovers: [] } },
    { name: 'no target yet', output: '', expected: { releases: [], current: undefined, leftovers: [] } },
  ])('read the state the state script prints: $name', ({ output, expected }) => {
    expect(parseState(output)).toEqual(expected);
  });
});
