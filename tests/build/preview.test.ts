import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '#lib/site/htaccess.ts';
import { ROOT, assertBuilt, sharedSite, freePort, withoutVitest } from './helpers.ts';

// `npm run preview` shows what readers will see: the built site with the live site's
// Content-Security-Policy, so an embed that `npm run dev` shows is blocked here too.

let preview: ChildProcess | undefined;
let output = '';
let origin = '';

beforeAll(async () => {
  const built = await sharedSite();
  assertBuilt(built);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env = withoutVitest({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1' });
  preview = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'preview', '--outDir', built.outDir, '--host', '127.0.0.1', '--port', String(port)], { cwd: ROOT, env });
  preview.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  preview.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (!(await fetch(origin).then((response) => response.ok, () => false))) {
    if (preview.exitCode !== null || Date.now() > deadline) throw new Error(`astro preview did not answer:\n${output}`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
});

afterAll(() => {
  preview?.kill('SIGKILL');
});

describe('npm run preview', () => {
  it.each(['/', '/blog/2022/manchmal-faellt-das-fruehstueck-aus/', '/suche/'])('sends the policy of public/.htaccess with %s', async (path) => {
    const policy = contentSecurityPolicy(readFileSync(join(ROOT, 'public/.htaccess'), 'utf8'));
    expect(policy).toBeDefined();
    const response = await fetch(new URL(path, origin));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(policy);
  });
});
