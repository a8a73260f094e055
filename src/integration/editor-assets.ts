import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { editorPaths } from '#lib/site/routes.ts';
import { editorHtaccess } from '#lib/site/htaccess.ts';
import { site } from '#src/site.ts';

// The web editor's own scripts (Decap CMS's prebuilt bundle from npm) are served from the site
// itself, as everything else: under `astro dev` from node_modules, in a build copied into the output.

/** The folder of the prebuilt bundle in node_modules. */
const bundleDir = (): string => join(dirname(createRequire(import.meta.url).resolve('decap-cms/package.json')), 'dist');

/**
 * The bundle's files a browser loads: the entry, its chunks, its WebAssembly and the licence
 * notes; not the second copy of every chunk under the package's old name (`cms.js`, `1.cms.js`)
 * and not the source maps.
 */
const isServed = (name: string): boolean =>
  (/\.(?:js|wasm)$/.test(name) || name.endsWith('.LICENSE.txt')) && !/^(?:\d+\.)?cms\.js/.test(name);

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8' };

/** Copies the bundle to `<outDir>/admin/decap/` and writes the folder's `.htaccess`; returns the number of files. */
export async function writeEditorFiles(outDir: string): Promise<number> {
  const from = bundleDir();
  const to = join(outDir, editorPaths.assets);
  await mkdir(to, { recursive: true });
  const names = (await readdir(from)).filter(isServed);
  await Promise.all(names.map((name) => copyFile(join(from, name), join(to, name))));
  await writeFile(join(outDir, editorPaths.page, '.htaccess'), editorHtaccess(site.editor.backend));
  return names.length;
}

/** Vite plugin for `astro dev`: serves the bundle under /admin/decap/. */
export function editorAssetsPlugin(): Plugin {
  return {
    name: 'blog:editor-assets',
    configureServer(server) {
      server.middlewares.use(editorPaths.assets, (request, response, next) => {
        const name = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '');
        if (!/^[\w.-]+$/.test(name) || !isServed(name)) return next();
        const stream = createReadStream(join(bundleDir(), name));
        stream.on('error', () => next());
        stream.on('open', () => {
          response.setHeader('Content-Type', TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
          stream.pipe(response);
        });
      });
    },
  };
}
