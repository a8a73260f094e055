import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  acquireScript,
  heartbeatScript,
  lockGuard,
  parseLockReply,
  releaseScript,
  type LockOwner,
  type LockReply,
} from '../../scripts/lib/lock.ts';
import { run } from '../../scripts/lib/target.ts';
import { TMP } from '../build/helpers.ts';

// The lock's shell scripts run by sh on a real folder, as deploy and rollback run them on a target.
const target = join(TMP, 'lock-target', 'mein blog');
const lock = join(target, '.deploy-lock');

const owner = (token: string, pid = 100): LockOwner => ({ token, command: 'deploy', host: 'build-1', machine: 'm', user: 'ci', pid });
const tokens = Array.from({ length: 8 }, (_, index) => `${index}`.repeat(16));
const [A = '', B = '', C = ''] = tokens;

const sh = (script: string): Promise<string> => run('sh', ['-c', script]);
const acquire = async (token: string, options: { create?: boolean; breakToken?: string } = {}): Promise<LockReply> =>
  parseLockReply(await sh(acquireScript(target, owner(token), { create: options.create ?? true, breakToken: options.breakToken })));
/** Everything in the target folder but what a test put there itself. */
const debris = () => readdirSync(target).filter((name) => name.startsWith('.deploy-lock.'));

beforeEach(() => {
  rmSync(join(TMP, 'lock-target'), { recursive: true, force: true });
});

describe('the deploy lock on a target folder', () => {
  it('is taken once, complete, and reports its holder to everyone else', async () => {
    const first = await acquire(A);
    expect(first.result).toBe('acquired');
    expect(first.holder).toMatchObject({ token: A, command: 'deploy', host: 'build-1', pid: 100 });
    expect(first.now).toBeGreaterThan(1_700_000_000);
    expect(readdirSync(lock).sort()).toEqual(['heartbeat', 'owner', `token-${A}`]);
    expect(readFileSync(join(lock, 'owner'), 'utf8')).toMatch(new RegExp(`^token=${A}\ncommand=deploy\nhost=build-1\nmachine=m\nuser=ci\npid=100\nstarted=\\d+\n$`));

    const second = await acquire(B);
    expect(second.result).toBe('held');
    expect(second.holder).toMatchObject({ token: A, pid: 100 });
    expect(debris()).toEqual([]);
  });

  it('is released only by its own token', async () => {
    await acquire(A);
    await sh(releaseScript(target, B));
    expect(existsSync(join(lock, `token-${A}`))).toBe(true);
    await sh(releaseScript(target, A));
    expect(existsSync(lock)).toBe(false);
    expect(debris()).toEqual([]);
    await sh(releaseScript(target, A));
    expect((await acquire(B)).result).toBe('acquired');
  });

  it('is not created where the target folder is missing, unless asked to', async () => {
    expect((await acquire(A, { create: false })).result).toBe('missing');
    expect(existsSync(target)).toBe(false);
    expect((await acquire(A, { create: true })).result).toBe('acquired');
  });

  it('refreshes its heartbeat, and notices when it was taken over', async () => {
    await acquire(A);
    writeFileSync(join(lock, 'heartbeat'), '1\n');
    expect((await sh(heartbeatScript(target, A))).trim()).toBe('held');
    expect(Number(readFileSync(join(lock, 'heartbeat'), 'utf8'))).toBeGreaterThan(1_700_000_000);
    expect(await sh(`cd '${target}' && ${lockGuard(A)} && echo ok`)).toBe('ok\n');

    const taken = await acquire(B, { breakToken: A });
    expect(taken).toMatchObject({ result: 'acquired', broke: true, holder: { token: B } });
    expect((await sh(heartbeatScript(target, A))).trim()).toBe('lost');
    await expect(sh(`cd '${target}' && ${lockGuard(A)}`)).rejects.toThrow(/Exit 3[\s\S]*gehört nicht mehr diesem Vorgang/);
    // The old holder's release leaves the new lock alone.
    await sh(releaseScript(target, A));
    expect(existsSync(join(lock, `token-${B}`))).toBe(true);
  });

  it('breaks a stale lock only while it is the one judged stale', async () => {
    await acquire(A);
    await sh(releaseScript(target, A));
    await acquire(C);
    // A was judged stale, but C holds the lock now: C's lock stays.
    const late = await acquire(B, { breakToken: A });
    expect(late).toMatchObject({ result: 'held', broke: false, holder: { token: C } });
  });

  it.each(Array.from({ length: 20 }, (_, index) => index + 1))('is taken over by exactly one of several deploys that find it stale at once (round %i)', async () => {
    await acquire(C);
    const takers = tokens.filter((token) => token !== C);
    const replies = await Promise.all(takers.map((token) => acquire(token, { breakToken: C })));
    const winners = takers.filter((_, index) => replies[index]!.result === 'acquired');
    expect(winners).toHaveLength(1);
    expect(replies.filter((reply) => reply.broke)).toHaveLength(1);
    // Each other one saw the stale lock (trying before the break), the winner's, or none in the
    // instant between the break and the win; never a lock without its owner.
    for (const reply of replies) if (reply.result !== 'free') expect([C, winners[0]]).toContain(reply.holder?.token);
    expect(readdirSync(lock).filter((name) => name.startsWith('token-'))).toEqual([`token-${winners[0]}`]);
    expect(debris()).toEqual([]);
  });

  it('reports a lock folder it did not write as held, without an owner', async () => {
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, 'von-hand'), 'Wartung\n');
    const reply = await acquire(A);
    expect(reply).toMatchObject({ result: 'held', holder: {} });
    expect(readdirSync(lock)).toEqual(['von-hand']);
  });
});
