/**
 * `npm run redaktion`: the web editor on this machine, for editors with a clone of the repository.
 * Starts the dev preview (`astro dev`) and Decap's local backend (decap-server, which writes the
 * posts into content/blog/ of this working copy), both on 127.0.0.1 only, and opens /admin/ in
 * the browser. Saved posts show up in the preview at once; publishing is a git commit as ever
 * (content/README.md, "Im Browser schreiben"). Ctrl+C ends both.
 *
 * Flags: `--ohne-browser` opens no browser; `--port <n>` for the preview (default 4321).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import open from 'open';
import { localBackendUrl } from '#lib/cms/config.ts';
import { editorPaths } from '#lib/site/routes.ts';
import { site } from '#src/site.ts';

const root = join(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: { 'ohne-browser': { type: 'boolean', default: false }, port: { type: 'string', default: '4321' } },
});
const HOST = '127.0.0.1';
const previewPort = Number(flags.port);

const children: ChildProcess[] = [];
let stopping = false;

/** Ends both servers and this script with `code`. */
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

function start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\n✗ ${name} wurde beendet (${signal ?? `Exit-Code ${code}`}); die Redaktion wird geschlossen.`);
    stop(code || 1);
  });
  children.push(child);
  return child;
}

/** Resolves once `check` succeeds, polling; fails after `timeoutMs`. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!stopping) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} antwortet nach ${timeoutMs / 1000} s noch nicht`);
    await new Promise((wait) => setTimeout(wait, 300));
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(0));

// Decap's local backend: reads and writes files below the project, answers only this machine.
start('Der lokale Speicherdienst (decap-server)', [join(root, 'node_modules/decap-server/dist/index.js')], {
  PORT: String(site.editor.localPort),
  BIND_HOST: HOST,
  MODE: 'fs',
  GIT_REPO_DIRECTORY: root,
  LOG_LEVEL: 'warn',
});
start('Die Vorschau (astro dev)', [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', HOST, '--port', String(previewPort)], {});

const preview = `http://${HOST}:${previewPort}`;
const editor = new URL(editorPaths.page, preview).href;
try {
  await waitFor('Der lokale Speicherdienst', async () => {
    const response = await fetch(localBackendUrl(site.editor.localPort), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    });
    return response.ok;
  });
  await waitFor('Die Vorschau', async () => (await fetch(new URL(editorPaths.config, preview))).ok);
} catch (error) {
  console.error(`✗ ${(error as Error).message}; die Redaktion wird geschlossen.`);
  stop(1);
}
if (!stopping) {
  console.log(`\n✓ Redaktion: ${editor}\n  Vorschau der Website: ${preview}/\n  Beenden mit Strg+C.\n`);
  if (!flags['ohne-browser']) {
    await open(editor).catch(() => console.log(`  (Kein Browser gefunden: bitte ${editor} selbst öffnen.)`));
  }
}
