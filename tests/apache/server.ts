import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's apache2 package puts the server binary and its modules. */
const APACHE_BINARIES = ['/usr/sbin/apache2', '/usr/sbin/httpd'];
const MODULE_DIRS = ['/usr/lib/apache2/modules', '/usr/lib64/httpd/modules', '/usr/lib/httpd/modules'];

/**
 * The modules a shared webspace typically has and the site's `.htaccess` uses. Optional ones
 * are guarded by `<IfModule>` there; loading them here tests the configuration as it runs live.
 */
const MODULES = [
  ['mpm_event_module', 'mod_mpm_event.so'],
  ['authz_core_module', 'mod_authz_core.so'],
  ['unixd_module', 'mod_unixd.so'],
  ['mime_module', 'mod_mime.so'],
  ['dir_module', 'mod_dir.so'],
  ['alias_module', 'mod_alias.so'],
  ['rewrite_module', 'mod_rewrite.so'],
  ['headers_module', 'mod_headers.so'],
  ['expires_module', 'mod_expires.so'],
  ['filter_module', 'mod_filter.so'],
  ['deflate_module', 'mod_deflate.so'],
  ['env_module', 'mod_env.so'],
  ['setenvif_module', 'mod_setenvif.so'],
] as const;

/** The Apache binary, or undefined when Apache is not installed. */
export function findApache(): string | undefined {
  return APACHE_BINARIES.find((path) => existsSync(path));
}

function findModuleDir(): string | undefined {
  return MODULE_DIRS.find((dir) => existsSync(join(dir, 'mod_rewrite.so')));
}

/** A free TCP port on loopback (the OS picks it; a tiny race with other processes is accepted). */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * A minimal server configuration: one loopback port, the built site as document root, and
 * `AllowOverride All` so the site's own `.htaccess` decides everything else, as on the webspace.
 * Debian's `mime.conf` is included where present, because its defaults (`.br` as the language
 * Breton, `.gz` as `application/x-gzip`) are exactly what the `.htaccess` has to undo.
 */
export function apacheConfig(options: {
  serverRoot: string;
  documentRoot: string;
  port: number;
  moduleDir: string;
  user?: string | undefined;
}): string {
  const { serverRoot, documentRoot, port, moduleDir, user } = options;
  const debianMime = '/etc/apache2/mods-available/mime.conf';
  return [
    `ServerRoot "${serverRoot}"`,
    `ServerName 127.0.0.1`,
    `Listen 127.0.0.1:${port}`,
    `PidFile "${join(serverRoot, 'httpd.pid')}"`,
    `ErrorLog "${join(serverRoot, 'error.log')}"`,
    `LogLevel warn`,
    // Some modules are compiled in on some systems (unixd on Debian): load only what is missing.
    ...MODULES.map(([name, file]) => `<IfModule !${name}>\n  LoadModule ${name} "${join(moduleDir, file)}"\n</IfModule>`),
    // Apache refuses to serve as root; when the tests run as root, the workers drop to www-data.
    ...(user ? [`User ${user}`, `Group ${user}`] : []),
    `Mutex file:${serverRoot}`,
    `StartServers 1`,
    `ServerLimit 4`,
    `ThreadsPerChild 32`,
    `MaxRequestWorkers 128`,
    `KeepAlive On`,
    `MaxKeepAliveRequests 0`,
    existsSync(debianMime) ? `Include "${debianMime}"` : `TypesConfig /etc/mime.types`,
    `DirectoryIndex index.html`,
    `DocumentRoot "${documentRoot}"`,
    `<Directory />`,
    `  AllowOverride None`,
    `  Require all denied`,
    `</Directory>`,
    `<Directory "${documentRoot}">`,
    `  Options FollowSymLinks`,
    `  AllowOverride All`,
    `  Require all granted`,
    `</Directory>`,
    '',
  ].join('\n');
}

export interface ApacheServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Apache's error log so far, for failing tests. */
  errorLog: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts Apache in the foreground on a free loopback port, serving `documentRoot` with its
 * `.htaccess`. Resolves once the server answers. Change `documentRoot` before, not after: when
 * running as root, Apache serves a copy of it.
 */
export async function startApache(documentRoot: string): Promise<ApacheServer> {
  const binary = findApache();
  const moduleDir = findModuleDir();
  if (!binary || !moduleDir) throw new Error('Apache (Debian package apache2) is not installed');
  const serverRoot = await mkdtemp(join(tmpdir(), 'blog-apache-'));
  const port = await freePort();
  const user = process.getuid?.() === 0 ? 'www-data' : undefined;
  let servedRoot = documentRoot;
  if (user) {
    // The workers run as www-data, which may not reach a checkout under /root: serve a copy
    // from a folder everyone can read.
    await chmod(serverRoot, 0o755);
    servedRoot = join(serverRoot, 'htdocs');
    await cp(documentRoot, servedRoot, { recursive: true });
  }
  const configFile = join(serverRoot, 'httpd.conf');
  await writeFile(configFile, apacheConfig({ serverRoot, documentRoot: servedRoot, port, moduleDir, user }));

  const errorLog = () => {
    try {
      return readFileSync(join(serverRoot, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  let output = '';
  const child: ChildProcess = spawn(binary, ['-d', serverRoot, '-f', configFile, '-DFOREGROUND'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolveExit) =>
    child.on('exit', () => {
      exited = true;
      resolveExit();
    }),
  );

  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
      if (!exited) child.kill('SIGKILL');
    }
    await rm(serverRoot, { recursive: true, force: true });
  };

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited) {
      const log = errorLog();
      await rm(serverRoot, { recursive: true, force: true });
      throw new Error(`Apache exited at start:\n${output}\n${log}`);
    }
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(1000) });
      return { origin, errorLog, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`Apache did not answer on ${origin}:\n${output}\n${errorLog()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
