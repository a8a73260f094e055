/**
 * `npm run rollback`: points DEPLOY_TARGET/current back at the release before the current one,
 * in one atomic step. Run it again to go back further (as far as releases are kept).
 * `npm run rollback -- <release>` switches to a named release instead.
 */
import { describeTarget, isReleaseName, parseState, parseTarget, previousRelease, stateScript, switchScript } from './lib/releases.ts';
import { runOnTarget } from './lib/target.ts';

try {
  const target = parseTarget(process.env['DEPLOY_TARGET']);
  const where = describeTarget(target);
  const { releases, current } = parseState(await runOnTarget(target, stateScript(target.path)));
  const wanted = process.argv[2];
  if (wanted !== undefined && (!isReleaseName(wanted) || !releases.includes(wanted))) {
    throw new Error(`Release „${wanted}“ gibt es in ${where}/releases nicht. Vorhanden: ${releases.join(', ') || 'keine'}`);
  }
  if (current === undefined) throw new Error(`${where}/current zeigt auf kein Release; nichts zurückzusetzen.`);
  const to = wanted ?? previousRelease(releases, current);
  if (to === undefined) throw new Error(`Vor ${current} gibt es in ${where}/releases kein älteres Release.`);
  await runOnTarget(target, switchScript(target.path, to));
  console.log(`✓ Zurückgesetzt: ${where}/current → releases/${to} (vorher ${current})`);
} catch (error) {
  console.error(`✗ Rollback nicht möglich: ${(error as Error).message}`);
  process.exitCode = 1;
}
