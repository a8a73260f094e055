import type { APIRoute } from 'astro';
import { relative } from 'node:path';
import { cmsConfig } from '#lib/cms/config.ts';
import { editorChoices } from '#lib/content/collection.ts';
import { contentPaths } from '#lib/content/source.ts';

/**
 * The web editor's configuration (src/lib/cms/config.ts), which /admin/ loads before the editor
 * starts: under `astro dev` (`npm run redaktion`) for the local backend, in a build for the forge.
 * The blog folder is named relative to the project, the repository the editor commits to.
 */
export const GET: APIRoute = async () => {
  const root = process.cwd();
  const blogFolder = relative(root, contentPaths(root).blogDir).split('\\').join('/');
  // Not import.meta.env.DEV: a build under NODE_ENV=test would get the local backend (see src/integration/preview-mode.ts).
  const config = cmsConfig(await editorChoices(), blogFolder, import.meta.env.BLOG_PREVIEW === true ? 'local' : 'forge');
  return new Response(JSON.stringify(config, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
