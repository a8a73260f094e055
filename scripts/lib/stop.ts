/**
 * Ctrl-C (SIGINT), kill (SIGTERM) and a closed terminal (SIGHUP) during a deploy or rollback.
 * The first signal stops what may be cut short (the build, the rsync copy) and lets the script
 * finish in order: delete its unfinished copy, release the lock, exit with 128 + the signal's
 * number. Scripts that change the target ignore these signals and always run to their end
 * (releases.ts, lock.ts). A second signal exits at once; the next deploy takes over the lock.
 */
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

const stoppable = new Set<ChildProcess>();
let received: NodeJS.Signals | undefined;
let wake: () => void = () => undefined;
const stopped = new Promise<void>((resolve) => (wake = resolve));

/** Exit code of a process ended by `signal`, as shells report it. */
export const signalExitCode = (signal: NodeJS.Signals): number => 128 + (constants.signals[signal] ?? 0);

/** Installs the handlers; call once at the start of a script. */
export function watchStopSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (received !== undefined) {
        console.error(`\n✗ ${signal}: sofort beendet. Eine Sperre bleibt zurück; der nächste Deploy erkennt sie als verwaist.`);
        process.exit(signalExitCode(signal));
      }
      received = signal;
      console.error(`\n▶ ${signal} erhalten: breche ab und räume auf …`);
      for (const child of stoppable) child.kill('SIGTERM');
      wake();
    });
  }
}

/** The signal received, if any. */
export const stopSignal = (): NodeJS.Signals | undefined => received;

/** Registers a child process that a stop signal ends (SIGTERM); returns it. */
export function makeStoppable(child: ChildProcess): ChildProcess {
  stoppable.add(child);
  child.on('close', () => stoppable.delete(child));
  if (received !== undefined) child.kill('SIGTERM');
  return child;
}

/** Waits `ms`, or less when a stop signal arrives. */
export function sleepUnlessStopped(ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms)))), stopped]).finally(() =>
    clearTimeout(timer),
  );
}
