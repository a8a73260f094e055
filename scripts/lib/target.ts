import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import {
  acquireScript,
  describeHolder,
  HEARTBEAT_EVERY,
  heartbeatScript,
  LOCK_DIR,
  parseLockReply,
  releaseScript,
  staleReason,
  type LockOwner,
} from './lock.ts';
import { describeTarget, partialName, shellQuote, type DeployTarget } from './releases.ts';
import { makeStoppable, sleepUnlessStopped, stopSignal } from './stop.ts';

/** ssh command with options, e.g. `ssh -p 2222`; used for commands on the host and by rsync. */
const sshCommand = (): string[] => (process.env['DEPLOY_SSH'] ?? 'ssh').trim().split(/\s+/);

/**
 * Runs a program; resolves with its output, rejects with its error output when it fails.
 * `stoppable`: a stop signal ends it (stop.ts); only for steps that may be cut short.
 */
export function run(command: string, args: readonly string[], options: { echo?: boolean; stoppable?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (options.stoppable) makeStoppable(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', (error) =>
      reject(new Error(`${command} lässt sich nicht starten (${error.message}); ist es installiert?`)),
    );
    child.on('close', (code, signal) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(' ')} schlug fehl (Exit ${code ?? signal}):\n${stderr.trim()}`)),
    );
  });
}

/** Runs a POSIX shell script on the target: locally with sh, remotely over ssh. */
export function runOnTarget(target: DeployTarget, script: string): Promise<string> {
  if (target.kind === 'local') return run('sh', ['-c', script]);
  const [ssh = 'ssh', ...options] = sshCommand();
  // ssh hands its command line to the remote login shell; wrapping it in sh -c makes that POSIX sh.
  return run(ssh, [...options, target.host, `sh -c ${shellQuote(script)}`]);
}

/**
 * Copies a built site into `releases/<name>.partial/` on the target with rsync; the switch
 * renames it to `releases/<name>` (releases.ts). Files unchanged since the `previous` release
 * are hard-linked to it, so each release costs only what changed.
 */
export async function copyRelease(target: DeployTarget, sourceDir: string, name: string, previous: string | undefined): Promise<void> {
  await runOnTarget(target, `mkdir -p ${shellQuote(`${target.path}/releases`)}`);
  // Build times differ on every build, so files are compared by content (--checksum) and times
  // are not copied (--no-times): an unchanged file becomes a hard link and keeps its old time,
  // so its ETag and Last-Modified stay the same and browsers keep their copy.
  const args = ['--archive', '--no-times', '--checksum', '--delete'];
  // Relative to the destination folder, releases/<name>.partial/.
  if (previous !== undefined) args.push(`--link-dest=../${previous}`);
  if (target.kind === 'remote') args.push('-e', sshCommand().join(' '));
  const destination = `${describeTarget(target)}/releases/${partialName(name)}/`;
  await run('rsync', [...args, `${sourceDir.replace(/\/+$/, '')}/`, destination], { stoppable: true });
}

/** The lock on a target, held by this process until `release`. */
export interface TargetLock {
  readonly token: string;
  /** Whether another process has taken the lock over as stale (this one then must not switch). */
  readonly lost: boolean;
  /** Stops the heartbeat and removes the lock, if it is still ours. */
  release(): Promise<void>;
}

/** Seconds between two attempts while the lock is held: each attempt over ssh is a new login. */
const pollEvery = (target: DeployTarget): number => (target.kind === 'local' ? 1 : 5);

/**
 * This machine as far as process ids mean anything: host name, boot and process namespace.
 * Undefined where the system does not tell (then only the heartbeat shows a stale lock).
 */
function machineKey(): string | undefined {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${hostname()}/${boot}/${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return undefined;
  }
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env['USER'] ?? String(process.getuid?.() ?? '?');
  }
}

/** Whether a process of this machine is alive (EPERM: alive, but another user's). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock `DEPLOY_TARGET/.deploy-lock` (lock.ts) for `command`, waiting up to `wait`
 * seconds while another deploy or rollback holds it; takes over a stale lock, saying whose it
 * was. Rejects with a message for people when the wait is over, a stop signal came or the target
 * cannot be reached. `create`: make the target folder if it does not exist yet.
 */
export async function lockTarget(target: DeployTarget, options: { command: string; wait: number; create: boolean }): Promise<TargetLock> {
  const where = describeTarget(target);
  const owner: LockOwner = {
    token: randomBytes(8).toString('hex'),
    command: options.command,
    host: hostname(),
    machine: machineKey(),
    user: userName(),
    pid: process.pid,
  };
  const begin = Date.now();
  const deadline = begin + options.wait * 1000;
  let announced: string | undefined;
  let breakToken: string | undefined;
  const broken = new Set<string>();
  let frees = 0;
  try {
    for (;;) {
      const reply = parseLockReply(await runOnTarget(target, acquireScript(target.path, owner, { create: options.create, breakToken })));
      breakToken = undefined;
      if (reply.result === 'missing') throw new Error(`${where} gibt es nicht.`);
      if (reply.result === 'acquired') {
        const waited = Math.round((Date.now() - begin) / 1000);
        console.log(`▶ Sperre ${where}/${LOCK_DIR} gesetzt` + (announced === undefined ? '.' : ` nach ${waited} s Warten.`));
        return holdLock(target, owner.token);
      }
      // Released between the two steps of an attempt: try again at once, a few times.
      if (reply.result === 'free' && ++frees <= 3) continue;
      const holder = reply.holder ?? {};
      const stale = reply.result === 'held' ? staleReason(holder, { now: reply.now, machine: owner.machine, isAlive }) : undefined;
      if (stale !== undefined && holder.token !== undefined && !broken.has(holder.token)) {
        console.warn(`⚠ Verwaiste Sperre auf ${where}: ${describeHolder(holder, reply.now)}; ${stale}. Sie wird übernommen.`);
        broken.add(holder.token);
        breakToken = holder.token;
        continue;
      }
      const signal = stopSignal();
      if (signal !== undefined) throw new Error(`Abgebrochen (${signal}) beim Warten auf die Sperre.`);
      const held = reply.result === 'held' ? describeHolder(holder, reply.now) : 'die Sperre ließ sich nicht setzen';
      if (Date.now() >= deadline) {
        throw new Error(
          `${where} ist gesperrt: ${held}. ` +
            (options.wait === 0 ? 'Nicht gewartet (DEPLOY_LOCK_WAIT=0).' : `Nach ${options.wait} s Warten aufgegeben; später erneut versuchen oder DEPLOY_LOCK_WAIT erhöhen.`),
        );
      }
      if (reply.result === 'held' && holder.token !== announced) {
        console.log(`⏳ ${where} ist gesperrt: ${held}. Warte bis zu ${options.wait} s …`);
        announced = holder.token;
      }
      await sleepUnlessStopped(Math.min(pollEvery(target) * 1000, deadline - Date.now()));
    }
  } catch (error) {
    // An attempt cut short may still have taken the lock; the token makes this a no-op otherwise.
    await runOnTarget(target, releaseScript(target.path, owner.token)).catch(() => undefined);
    throw error;
  }
}

/** Refreshes the heartbeat of a lock just taken until it is released. */
function holdLock(target: DeployTarget, token: string): TargetLock {
  let lost = false;
  let beat: Promise<void> | undefined;
  const timer = setInterval(() => {
    beat ??= runOnTarget(target, heartbeatScript(target.path, token))
      .then(
        (output) => {
          if (output.trim() === 'lost' && !lost) {
            lost = true;
            console.warn(`⚠ Die Sperre auf ${describeTarget(target)} wurde als verwaist übernommen; dieser Vorgang schaltet current nicht um.`);
          }
        },
        () => undefined,
      )
      .finally(() => (beat = undefined));
  }, HEARTBEAT_EVERY * 1000);
  timer.unref();
  return {
    token,
    get lost() {
      return lost;
    },
    async release() {
      clearInterval(timer);
      await beat;
      await runOnTarget(target, releaseScript(target.path, token));
    },
  };
}
