/**
 * `npm run deploy`: builds the site into a fresh folder, verifies it, and only then publishes it
 * to DEPLOY_TARGET (a folder, or user@host:path over ssh) as a new release, switching the
 * `current` symlink in one atomic step. A failed build or verification publishes nothing.
 *
 *   DEPLOY_TARGET=/srv/blog npm run deploy
 *   DEPLOY_TARGET=xyz00-blog@xyz.hostsharing.net:blog npm run deploy
 *
 * DEPLOY_KEEP (default 5) releases are kept; DEPLOY_SSH (default `ssh`) adds ssh options.
 * The web server's document root must be DEPLOY_TARGET/current.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { site } from '../src/site.ts';
import { describeTarget, parseState, parseTarget, pruneScript, releaseName, releasesToPrune, stateScript, switchScript } from './lib/releases.ts';
import { copyRelease, runOnTarget } from './lib/target.ts';
import { verifyBuild } from './lib/verify.ts';

const root = join(import.meta.dirname, '..');

/** A reason to stop before anything is published; printed without a stack trace. */
class Abort extends Error {}

/** `npm run build` into `outDir` (scripts/build.ts), with the build log on the console. */
function build(outDir: string): Promise<number | null> {
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/build.ts'), '--outDir', outDir], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('close', resolveBuild);
  });
}

async function deploy(workDir: string): Promise<void> {
  let target;
  try {
    target = parseTarget(process.env['DEPLOY_TARGET']);
  } catch (error) {
    throw new Abort((error as Error).message);
  }
  const keep = Number(process.env['DEPLOY_KEEP'] ?? 5);
  if (!Number.isInteger(keep) || keep < 2) throw new Abort('DEPLOY_KEEP muss eine ganze Zahl ab 2 sein (der Vorgänger bleibt für rollback)');
  const where = describeTarget(target);

  const outDir = join(workDir, 'dist');
  console.log(`▶ Baue die Website in ${outDir} …`);
  const code = await build(outDir);
  if (code !== 0) throw new Abort(`Der Build ist fehlgeschlagen (Exit ${code}); die Meldungen stehen oben.`);

  console.log('▶ Prüfe den Build …');
  const contentDir = resolve(root, process.env['BLOG_CONTENT_DIR'] ?? 'content/blog');
  const problems = verifyBuild(outDir, { contentDir, siteUrl: site.url });
  if (problems.length > 0) {
    throw new Abort(`Der Build hat ${problems.length} Problem(e):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  const name = releaseName(new Date());
  const before = parseState(await runOnTarget(target, stateScript(target.path)));
  console.log(`▶ Kopiere nach ${where}/releases/${name}/ …`);
  try {
    await copyRelease(target, outDir, name, before.current);
  } catch (error) {
    // The half-copied release is not linked anywhere; remove it so it is never mistaken for one.
    await runOnTarget(target, pruneScript(target.path, [name])).catch(() => undefined);
    throw new Abort(`Kopieren fehlgeschlagen: ${(error as Error).message}`);
  }

  await runOnTarget(target, switchScript(target.path, name));
  console.log(`✓ Veröffentlicht: ${where}/current → releases/${name}` + (before.current ? ` (vorher ${before.current})` : ''));

  // Published; from here on a problem is only worth a warning.
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
