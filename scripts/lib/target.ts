import { spawn } from 'node:child_process';
import { describeTarget, shellQuote, type DeployTarget } from './releases.ts';

/** ssh command with options, e.g. `ssh -p 2222`; used for commands on the host and by rsync. */
const sshCommand = (): string[] => (process.env['DEPLOY_SSH'] ?? 'ssh').trim().split(/\s+/);

/** Runs a program; resolves with its output, rejects with its error output when it fails. */
export function run(command: string, args: readonly string[], options: { echo?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
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
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(' ')} schlug fehl (Exit ${code}):\n${stderr.trim()}`)),
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
 * Copies a built site into `releases/<name>/` on the target with rsync. Files unchanged since
 * the `previous` release are hard-linked to it, so each release costs only what changed.
 */
export async function copyRelease(target: DeployTarget, sourceDir: string, name: string, previous: string | undefined): Promise<void> {
  await runOnTarget(target, `mkdir -p ${shellQuote(`${target.path}/releases`)}`);
  // Build times differ on every build, so files are compared by content (--checksum) and times
  // are not copied (--no-times): an unchanged file becomes a hard link and keeps its old time,
  // so its ETag and Last-Modified stay the same and browsers keep their copy.
  const args = ['--archive', '--no-times', '--checksum', '--delete'];
  if (previous !== undefined) args.push(`--link-dest=../${previous}`);
  if (target.kind === 'remote') args.push('-e', sshCommand().join(' '));
  const destination = `${describeTarget(target)}/releases/${name}/`;
  await run('rsync', [...args, `${sourceDir.replace(/\/+$/, '')}/`, destination]);
}
