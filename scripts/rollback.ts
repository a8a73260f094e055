/**
 * `npm run rollback`: points DEPLOY_TARGET/current back at the release before the current one,
 * in one atomic step. Run it again to go back further (as far as releases are kept).
 * `npm run rollback -- <release>` switches to a named release instead.
 * It holds the same lock as a deploy (DEPLOY_TARGET/.deploy-lock, waiting up to DEPLOY_LOCK_WAIT).
 */
import { lockGuard, parseLockWait } from './lib/lock.ts';
import { describeTarget, isReleaseName, parseState, parseTarget, previousRelease, stateScript, switchScript } from './lib/releases.ts';
import { signalExitCode, stopSignal, watchStopSignals } from './lib/stop.ts';
import { lockTarget, runOnTarget, type TargetLock } from './lib/target.ts';

watchStopSignals();
let lock: TargetLock | undefined;
try {
  const target = parseTarget(process.env['DEPLOY_TARGET']);
  const wait = parseLockWait(process.env['DEPLOY_LOCK_WAIT']);
  const where = describeTarget(target);
  lock = await lockTarget(target, { command: 'rollback', wait, create: false });
  const signal = stopSignal();
  if (signal !== undefined) throw new Error(`Abgebrochen (${signal}).`);
  const { releases, current } = parseState(await runOnTarget(target, stateScript(target.path)));
  const wanted = process.argv[2];
  if (wanted !== undefined && (!isReleaseName(wanted) || !releases.includes(wanted))) {
    throw new Error(`Release „${wanted}“ gibt es in ${where}/releases nicht. Vorhanden: ${releases.join(', ') || 'keine'}`);
  }
  if (current === undefined) throw new Error(`${where}/current zeigt auf kein Release; nichts zurückzusetzen.`);
  const to = wanted ?? previousRelease(releases, current);
  if (to === undefined) throw new Error(`Vor ${current} gibt es in ${where}/releases kein älteres Release.`);
  await runOnTarget(target, switchScript(target.path, to, { guard: lockGuard(lock.token) }));
  console.log(`✓ Zurückgesetzt: ${where}/current → releases/${to} (vorher ${current})`);
} catch (error) {
  console.error(`✗ Rollback nicht möglich: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await lock?.release().catch((error: Error) =>
    console.warn(`  Die Sperre ließ sich nicht entfernen (${error.message}); der nächste Deploy übernimmt sie als verwaist.`),
  );
}
const signal = stopSignal();
if (signal !== undefined) process.exitCode = signalExitCode(signal);
