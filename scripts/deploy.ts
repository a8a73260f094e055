/**
 * `npm run deploy`: builds the site into a fresh folder, verifies it, and only then publishes it
 * to DEPLOY_TARGET (a folder, or user@host:path over ssh) as a new release, switching the
 * `current` symlink in one atomic step. A failed build or verification publishes nothing.
 *
 *   DEPLOY_TARGET=/srv/blog npm run deploy
 *   DEPLOY_TARGET=xyz00-blog@xyz.hostsharing.net:blog npm run deploy
 *
 * It refuses an Impressum with placeholders (content/site/legal.yaml) unless `--staging` says
 * the target is a test system. DEPLOY_KEEP (default 5) releases are kept; DEPLOY_SSH (default `ssh`) adds ssh options.
 * The web server's document root must be DEPLOY_TARGET/current.
 *
 * After the build, the deploy takes the lock DEPLOY_TARGET/.deploy-lock (lock.ts), waiting up to
 * DEPLOY_LOCK_WAIT seconds while another deploy or rollback holds it, and holds it
 * until it is done: it deletes what killed deploys left, copies into releases/<name>.partial and
 * renames that to releases/<name> as it switches `current`, so only complete copies are switched to.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SKIP_CHECK_ENV } from '#src/integration/env.ts';
import { formatProblem } from '#lib/checks/problem.ts';
import { legalFile, parseLegal } from '#lib/content/legal.ts';
import { contentPaths } from '#lib/content/source.ts';
import { site } from '#src/site.ts';
import { lockGuard, parseLockWait } from './lib/lock.ts';
import {
  cleanupScript,
  describeTarget,
  nextReleaseName,
  parseState,
  parseTarget,
  partialName,
  pruneScript,
  releasesToPrune,
  stateScript,
  switchScript,
  type DeployTarget,
} from './lib/releases.ts';
import { makeStoppable, signalExitCode, stopSignal, watchStopSignals } from './lib/stop.ts';
import { copyRelease, lockTarget, runOnTarget, type TargetLock } from './lib/target.ts';
import { verifyBuild } from './lib/verify.ts';

const root = join(import.meta.dirname, '..');

/** A reason to stop before anything is published; printed without a stack trace. */
class Abort extends Error {}

/** Stops with an Abort once a stop signal has come (stop.ts). */
function checkStop(): void {
  const signal = stopSignal();
  if (signal !== undefined) throw new Abort(`Abgebrochen (${signal}).`);
}

/** `npm run build` into `outDir` (scripts/build.ts), with the build log on the console. */
function build(outDir: string): Promise<number | null> {
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/build.ts'), '--outDir', outDir], {
      cwd: root,
      stdio: 'inherit',
    });
    makeStoppable(child);
    child.on('error', reject);
    child.on('close', resolveBuild);
  });
}

/** `--staging`: publish to a target that is not the public site, placeholders and all. */
const STAGING_FLAG = '--staging';

/**
 * Refuses what must not go live: an Impressum or privacy policy with placeholders (an
 * incomplete Impressum invites a paid warning letter), or a build without the content check.
 * `--staging` allows both for a test target, with a warning.
 */
function refuseUnpublishable(staging: boolean): void {
  const file = legalFile();
  const { legal, problems, placeholders } = parseLegal(readFileSync(join(root, file), 'utf8'), file);
  if (legal === undefined) throw new Abort(`${file} ist fehlerhaft:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  const skipped = process.env[SKIP_CHECK_ENV] === '1';
  if (staging) {
    if (placeholders.length > 0) console.warn(`⚠ ${STAGING_FLAG}: ${placeholders.length} Platzhalter in ${file} werden mitveröffentlicht – nur für ein Testsystem.`);
    if (skipped) console.warn(`⚠ ${STAGING_FLAG}: ${SKIP_CHECK_ENV}=1, die Beiträge werden nicht geprüft – nur für ein Testsystem.`);
    return;
  }
  if (skipped) throw new Abort(`${SKIP_CHECK_ENV}=1 baut ohne Prüfung der Beiträge; veröffentlicht wird nur ein geprüfter Build.`);
  if (placeholders.length > 0) {
    throw new Abort(
      [
        `Impressum und Datenschutzerklärung enthalten noch ${placeholders.length} Platzhalter; so darf die Website nicht online gehen:`,
        ...placeholders.map((p) => `  ${formatProblem({ ...p, severity: 'error' })}`),
        `Bitte die echten Angaben der Genossenschaft in ${file} eintragen. Nur für ein Testsystem, das nicht die öffentliche Website ist: npm run deploy -- ${STAGING_FLAG}`,
      ].join('\n'),
    );
  }
}

async function deploy(workDir: string): Promise<void> {
  const options = process.argv.slice(2);
  const unknown = options.filter((option) => option !== STAGING_FLAG);
  if (unknown.length > 0) throw new Abort(`Unbekannte Option ${unknown.join(', ')}; erlaubt ist nur ${STAGING_FLAG}.`);
  const staging = options.includes(STAGING_FLAG);
  let target;
  let wait;
  try {
    target = parseTarget(process.env['DEPLOY_TARGET']);
    wait = parseLockWait(process.env['DEPLOY_LOCK_WAIT']);
  } catch (error) {
    throw new Abort((error as Error).message);
  }
  const keep = Number(process.env['DEPLOY_KEEP'] ?? 5);
  if (!Number.isInteger(keep) || keep < 2) throw new Abort('DEPLOY_KEEP muss eine ganze Zahl ab 2 sein (der Vorgänger bleibt für rollback)');

  refuseUnpublishable(staging);

  const outDir = join(workDir, 'dist');
  console.log(`▶ Baue die Website in ${outDir} …`);
  const code = await build(outDir);
  checkStop();
  if (code !== 0) throw new Abort(`Der Build ist fehlgeschlagen (Exit ${code}); die Meldungen stehen oben.`);

  console.log('▶ Prüfe den Build …');
  const problems = verifyBuild(outDir, { contentDir: contentPaths(root).blogDir, siteUrl: site.url });
  if (problems.length > 0) {
    throw new Abort(`Der Build hat ${problems.length} Problem(e):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  checkStop();

  // The build touched nothing on the target; from here on the target is changed only under the lock.
  let lock;
  try {
    lock = await lockTarget(target, { command: 'deploy', wait, create: true });
  } catch (error) {
    throw new Abort((error as Error).message);
  }
  try {
    await publish(target, outDir, keep, lock);
  } finally {
    await lock.release().catch((error: Error) =>
      console.warn(`  Die Sperre ließ sich nicht entfernen (${error.message}); der nächste Deploy übernimmt sie als verwaist.`),
    );
  }
}

/** Copies the verified build as a new release and switches `current` to it, holding `lock`. */
async function publish(target: DeployTarget, outDir: string, keep: number, lock: TargetLock): Promise<void> {
  const where = describeTarget(target);
  checkStop();
  const before = parseState(await runOnTarget(target, stateScript(target.path)));
  if (before.leftovers.length > 0) {
    const list = before.leftovers.map((name) => `releases/${name}`).join(', ');
    try {
      await runOnTarget(target, cleanupScript(target.path, before.leftovers));
      console.log(`  Reste abgebrochener Deploys gelöscht: ${list}`);
    } catch (error) {
      console.warn(`  Reste abgebrochener Deploys ließen sich nicht löschen (${list}): ${(error as Error).message}`);
    }
  }

  const name = nextReleaseName(new Date(), [...before.releases, ...before.leftovers]);
  console.log(`▶ Kopiere nach ${where}/releases/${partialName(name)}/ …`);
  try {
    await copyRelease(target, outDir, name, before.current);
    checkStop();
    if (lock.lost) throw new Abort('Die Sperre wurde während des Kopierens als verwaist übernommen.');
  } catch (error) {
    // The unfinished copy is not linked anywhere; remove it now rather than at the next deploy.
    await runOnTarget(target, cleanupScript(target.path, [partialName(name)])).catch(() => undefined);
    throw error instanceof Abort ? error : new Abort(stopSignal() ? `Abgebrochen (${stopSignal()}).` : `Kopieren fehlgeschlagen: ${(error as Error).message}`);
  }

  try {
    await runOnTarget(target, switchScript(target.path, name, { fromPartial: true, guard: lockGuard(lock.token) }));
  } catch (error) {
    // Cut off from the target, the switch may still have happened there: say what is true.
    const after = await runOnTarget(target, stateScript(target.path)).then(parseState, () => undefined);
    if (after?.current !== name) {
      await runOnTarget(target, cleanupScript(target.path, [partialName(name)])).catch(() => undefined);
      throw new Abort(`Umschalten fehlgeschlagen: ${(error as Error).message}`);
    }
  }
  console.log(`✓ Veröffentlicht: ${where}/current → releases/${name}` + (before.current ? ` (vorher ${before.current})` : ''));

  // Published; from here on a problem is only worth a warning.
  const signal = stopSignal();
  if (signal !== undefined) {
    console.warn(`  Abgebrochen (${signal}): alte Releases bleiben bis zum nächsten Deploy.`);
    return;
  }
  try {
    const after = parseState(await runOnTarget(target, stateScript(target.path)));
    const prune = releasesToPrune(after.releases, after.current, keep);
    if (prune.length > 0) {
      await runOnTarget(target, pruneScript(target.path, prune));
      console.log(`  ${prune.length} alte(s) Release(s) gelöscht, ${after.releases.length - prune.length} bleiben.`);
    }
  } catch (error) {
    console.warn(`  Alte Releases konnten nicht gelöscht werden: ${(error as Error).message}`);
  }
}

watchStopSignals();
const workDir = await mkdtemp(join(tmpdir(), 'blog-deploy-'));
try {
  await deploy(workDir);
} catch (error) {
  const message = error instanceof Abort ? error.message : String((error as Error).stack ?? error);
  console.error(`\n✗ Veröffentlichung abgebrochen: ${message}\n  Die veröffentlichte Seite bleibt unverändert.`);
  process.exitCode = 1;
} finally {
  await rm(workDir, { recursive: true, force: true });
}
const signal = stopSignal();
if (signal !== undefined) process.exitCode = signalExitCode(signal);
