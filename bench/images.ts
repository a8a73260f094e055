/**
 * Image encoder settings benchmark: `node bench/images.ts [count]`. Encodes corpus-like images
 * (and the real post images in content/blog/) the way the site's `<Picture>` does, several widths
 * as AVIF and WebP, once per encoder setting, and prints time and bytes per setting, so the
 * settings in astro.config.mjs can be chosen by measurement.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import sharp, { type AvifOptions, type WebpOptions } from 'sharp';
import { createRandom, chartSvg } from './corpus.ts';
import { formatBytes, formatMs, markdownTable } from './report.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The widths the site offers for a content image (see src/lib/site/image-sizes.ts): these below the original, and the original up to 1440. */
const widthsFor = (original: number): number[] => {
  const widths = [480, 720, 1080, 1440].filter((width) => width < original);
  if (original <= 1440) widths.push(original);
  return widths;
};

type Setting = { name: string; format: 'avif' | 'webp'; options: AvifOptions | WebpOptions };
const SETTINGS: Setting[] = [
  { name: 'avif effort 4 (sharp default)', format: 'avif', options: { effort: 4 } },
  { name: 'avif effort 2', format: 'avif', options: { effort: 2 } },
  { name: 'avif effort 1', format: 'avif', options: { effort: 1 } },
  { name: 'avif effort 0', format: 'avif', options: { effort: 0 } },
  { name: 'webp effort 4 (sharp default)', format: 'webp', options: { effort: 4 } },
  { name: 'webp effort 2', format: 'webp', options: { effort: 2 } },
  { name: 'webp effort 0', format: 'webp', options: { effort: 0 } },
];

function realImages(dir: string): Buffer[] {
  const found: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...realImages(path));
    else if (/\.(?:png|jpe?g)$/i.test(name)) found.push(readFileSync(path));
  }
  return found;
}

const count = Number(process.argv[2] ?? 12);
const random = createRandom(42);
const sources: Buffer[] = [...realImages(join(ROOT, 'content/blog'))];
for (let i = 0; i < count; i++) {
  const width = [960, 1200, 1600][i % 3]!;
  sources.push(await sharp(Buffer.from(chartSvg(random, width, Math.round((width * 9) / 16)))).png().toBuffer());
}

const rows: string[][] = [];
for (const setting of SETTINGS) {
  let bytes = 0;
  let encodes = 0;
  const start = performance.now();
  for (const source of sources) {
    const { width = 0 } = await sharp(source).metadata();
    const widths = widthsFor(width);
    // Astro's build encodes as many images at a time as there are cores; do the same.
    const parallel = availableParallelism();
    for (let i = 0; i < widths.length; i += parallel) {
      await Promise.all(
        widths.slice(i, i + parallel).map(async (target) => {
          const image = sharp(source).resize({ width: target, withoutEnlargement: true });
          const data = await (setting.format === 'avif' ? image.avif(setting.options) : image.webp(setting.options)).toBuffer();
          bytes += data.length;
          encodes++;
        }),
      );
    }
  }
  const ms = performance.now() - start;
  rows.push([setting.name, String(encodes), formatMs(ms), `${(ms / encodes).toFixed(0)} ms`, formatBytes(bytes), formatBytes(bytes / sources.length)]);
}
console.log(`${sources.length} source images (${sources.length - count} from content/blog/)\n`);
console.log(markdownTable(['setting', 'encodes', 'time', 'per encode', 'bytes', 'per image'], rows));
