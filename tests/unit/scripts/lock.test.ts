import { describe, expect, it } from 'vitest';
import {
  acquireScript,
  DEFAULT_LOCK_WAIT,
  describeHolder,
  formatAge,
  heartbeatScript,
  isLockToken,
  lockGuard,
  parseLockReply,
  parseLockWait,
  releaseScript,
  STALE_AFTER,
  staleReason,
  type LockHolder,
  type LockOwner,
} from '../../../scripts/lib/lock.ts';

const T1 = '0123456789abcdef';
const T2 = 'fedcba9876543210';
const HERE = 'build-1/boot-a/pid:[4026531836]';
const NOW = 1_777_777_777;

const owner: LockOwner = { token: T1, command: 'deploy', host: 'build-1', machine: HERE, user: 'ci', pid: 4711 };
/** A lock of `owner`, with fields changed; an `undefined` field is left out, as when not written. */
const holder = (extra: { [K in keyof LockHolder]?: LockHolder[K] | undefined } = {}): LockHolder =>
  Object.fromEntries(Object.entries({ ...owner, started: NOW - 30, heartbeat: NOW - 5, ...extra }).filter(([, value]) => value !== undefined));
const alive = () => true;
const dead = () => false;

describe('parseLockWait', () => {
  it.each([
    [undefined, DEFAULT_LOCK_WAIT],
    ['', DEFAULT_LOCK_WAIT],
    [' ', DEFAULT_LOCK_WAIT],
    ['0', 0],
    ['30', 30],
    [' 900 ', 900],
  ])('%j → %i', (value, expected) => {
    expect(parseLockWait(value)).toBe(expected);
  });

  it.each(['-1', '1.5', 'zehn', '10s', '1e3'])('refuses %j', (value) => {
    expect(() => parseLockWait(value)).toThrow(/DEPLOY_LOCK_WAIT muss eine ganze Zahl/);
  });
});

describe('isLockToken', () => {
  it.each([
    [T1, true],
    ['abcd1234', true],
    ['abc', false],
    ['0123456789ABCDEF', false],
    ['../x', false],
    ['*', false],
    ['', false],
  ])('%j → %s', (token, expected) => {
    expect(isLockToken(token)).toBe(expected);
  });
});

describe('staleReason', () => {
  it.each([
    { name: 'a live holder with a fresh heartbeat', lock: holder(), machine: HERE, isAlive: alive, expected: undefined },
    { name: 'a holder on this machine whose process is gone', lock: holder(), machine: HERE, isAlive: dead, expected: 'Prozess 4711 auf build-1 läuft nicht mehr' },
    { name: 'another machine: its process ids say nothing here', lock: holder({ machine: 'build-2/boot-b/pid:[1]' }), machine: HERE, isAlive: dead, expected: undefined },
    { name: 'same host name, other boot', lock: holder({ machine: 'build-1/boot-z/pid:[4026531836]' }), machine: HERE, isAlive: dead, expected: undefined },
    { name: 'a machine that does not tell (no pid check)', lock: holder(), machine: undefined, isAlive: dead, expected: undefined },
    { name: 'a holder that did not say its machine', lock: holder({ machine: undefined }), machine: HERE, isAlive: dead, expected: undefined },
    { name: 'heartbeat just within the bound', lock: holder({ heartbeat: NOW - STALE_AFTER }), machine: HERE, isAlive: alive, expected: undefined },
    { name: 'heartbeat past the bound, even if alive', lock: holder({ heartbeat: NOW - STALE_AFTER - 1 }), machine: HERE, isAlive: alive, expected: 'seit 2 min kein Lebenszeichen' },
    { name: 'another machine, long silent', lock: holder({ machine: 'x', heartbeat: NOW - 3600 }), machine: HERE, isAlive: alive, expected: 'seit 60 min kein Lebenszeichen' },
    { name: 'no heartbeat: judged by its start', lock: holder({ heartbeat: undefined, started: NOW - 600 }), machine: HERE, isAlive: alive, expected: 'seit 10 min kein Lebenszeichen' },
    { name: 'no times at all', lock: holder({ heartbeat: undefined, started: undefined }), machine: HERE, isAlive: alive, expected: undefined },
    { name: 'a lock not written by us is never stale', lock: { heartbeat: NOW - 99_999 }, machine: HERE, isAlive: dead, expected: undefined },
  ])('$name', ({ lock, machine, isAlive, expected }) => {
    expect(staleReason(lock, { now: NOW, machine, isAlive })).toBe(expected);
  });

  it('takes the bound as given', () => {
    expect(staleReason(holder({ heartbeat: NOW - 11 }), { now: NOW, machine: HERE, isAlive: alive, staleAfter: 10 })).toBe('seit 11 s kein Lebenszeichen');
    expect(staleReason(holder({ heartbeat: NOW - 11 }), { now: undefined, machine: HERE, isAlive: alive, staleAfter: 10 })).toBeUndefined();
  });
});

describe('formatAge', () => {
  it.each([
    [0, '0 s'],
    [-3, '0 s'],
    [42.4, '42 s'],
    [119, '119 s'],
    [120, '2 min'],
    [7199, '120 min'],
    [7200, '2 h'],
    [86_400, '24 h'],
  ])('%d → %s', (seconds, expected) => {
    expect(formatAge(seconds)).toBe(expected);
  });
});

describe('describeHolder', () => {
  it.each([
    { name: 'who, where and since when', lock: holder({ started: 1_777_777_000 }), now: NOW, expected: 'deploy von ci@build-1 (PID 4711), seit 2026-05-03 02:56:40 UTC (vor 13 min)' },
    { name: 'without the target clock', lock: holder({ started: 1_777_777_000 }), now: undefined, expected: 'deploy von ci@build-1 (PID 4711), seit 2026-05-03 02:56:40 UTC' },
    { name: 'a rollback without start', lock: { token: T2, command: 'rollback', user: 'anna', host: 'laptop', pid: 12 }, now: NOW, expected: 'rollback von anna@laptop (PID 12)' },
  ])('$name', ({ lock, now, expected }) => {
    expect(describeHolder(lock, now)).toBe(expected);
  });

  it('tells people what to do about a lock not written by us', () => {
    expect(describeHolder({}, NOW)).toMatch(/^\.deploy-lock ohne Angaben zum Inhaber .*den Ordner löschen$/);
  });
});

describe('parseLockReply', () => {
  it.each([
    {
      name: 'taken',
      output: `result=acquired\nnow=${NOW}\nlock.token=${T1}\nlock.command=deploy\nlock.host=build-1\nlock.machine=${HERE}\nlock.user=ci\nlock.pid=4711\nlock.started=${NOW}\nlock.heartbeat=${NOW}\n`,
      expected: { result: 'acquired', broke: false, now: NOW, holder: { ...owner, started: NOW, heartbeat: NOW } },
    },
    {
      name: 'held by another, after breaking a stale one',
      output: `broke=yes\nresult=held\nnow=${NOW}\nlock.token=${T2}\nlock.command=rollback\nlock.host=h\nlock.machine=\nlock.user=u\nlock.pid=9\nlock.started=${NOW - 9}\nlock.heartbeat=${NOW - 1}\n`,
      expected: { result: 'held', broke: true, now: NOW, holder: { token: T2, command: 'rollback', host: 'h', user: 'u', pid: 9, started: NOW - 9, heartbeat: NOW - 1 } },
    },
    {
      name: 'held, written by hand',
      output: `result=held\nnow=${NOW}\nlock.heartbeat=\n`,
      expected: { result: 'held', broke: false, now: NOW, holder: {} },
    },
    {
      name: 'values with = and garbage numbers',
      output: `result=held\nnow=x\nlock.token=NOT-A-TOKEN\nlock.host=a=b\nlock.pid=12ab\nlock.heartbeat=\n`,
      expected: { result: 'held', broke: false, now: undefined, holder: { host: 'a=b' } },
    },
    { name: 'gone just now', output: `result=free\nnow=${NOW}\nlock.heartbeat=\n`, expected: { result: 'free', broke: false, now: NOW, holder: undefined } },
    { name: 'no target folder', output: 'result=missing\n', expected: { result: 'missing', broke: false, now: undefined, holder: undefined } },
  ])('$name', ({ output, expected }) => {
    expect(parseLockReply(output)).toEqual(expected);
  });

  it('refuses an answer without a result', () => {
    expect(() => parseLockReply('bash: sh: not found\n')).toThrow(/unerwartete Antwort/);
  });
});

describe('lock scripts', () => {
  it('take the lock by renaming a complete lock folder into place, ignoring signals', () => {
    const script = acquireScript("/srv/mein blog/it's", owner, { create: true });
    expect(script.split('\n')[0]).toBe("trap '' HUP INT TERM");
    expect(script).toContain(`mkdir -p '/srv/mein blog/it'\\''s' && cd '/srv/mein blog/it'\\''s' || exit 1`);
    expect(script).toContain(`'token=${T1}' 'command=deploy' 'host=build-1' 'machine=${HERE}' 'user=ci' 'pid=4711' "started=$(date +%s)"`);
    expect(script).toContain(`if mv -T .deploy-lock.new-${T1} .deploy-lock 2>/dev/null; then echo result=acquired;`);
    expect(script).not.toContain('broke=yes');
  });

  it('break a stale lock only through its token file', () => {
    const script = acquireScript('/srv/blog', owner, { create: false, breakToken: T2 });
    expect(script).toContain("cd '/srv/blog' 2>/dev/null || { echo result=missing; exit 0; }");
    expect(script).toContain(`if rm .deploy-lock/token-${T2} 2>/dev/null; then mv -T .deploy-lock .deploy-lock.old-${T1} && rm -rf .deploy-lock.old-${T1}; echo broke=yes; fi`);
  });

  it('keep line breaks out of the owner file', () => {
    expect(acquireScript('/srv/blog', { ...owner, host: 'a\nresult=acquired' }, { create: true })).toContain("'host=a result=acquired'");
  });

  it('release, refresh and guard only the lock of their token', () => {
    expect(releaseScript('/srv/blog', T1).split('\n')).toEqual([
      "trap '' HUP INT TERM",
      "cd '/srv/blog' 2>/dev/null || exit 0",
      `if rm .deploy-lock/token-${T1} 2>/dev/null; then mv -T .deploy-lock .deploy-lock.old-${T1} && rm -rf .deploy-lock.old-${T1}; fi`,
    ]);
    expect(heartbeatScript('/srv/blog', T1)).toContain(`if test -e .deploy-lock/token-${T1}; then`);
    expect(lockGuard(T1)).toMatch(new RegExp(`^test -e \\.deploy-lock/token-${T1} \\|\\| \\{ echo '.*' >&2; exit 3; \\}$`));
  });

  it.each(['', '*', '../x', 'ABCDEF12'])('refuse the token %j', (token) => {
    expect(() => releaseScript('/srv/blog', token)).toThrow(/Sperr-Token/);
    expect(() => heartbeatScript('/srv/blog', token)).toThrow(/Sperr-Token/);
    expect(() => lockGuard(token)).toThrow(/Sperr-Token/);
    expect(() => acquireScript('/srv/blog', { ...owner, token }, { create: true })).toThrow(/Sperr-Token/);
    expect(() => acquireScript('/srv/blog', owner, { create: true, breakToken: token })).toThrow(/Sperr-Token/);
  });
});
