import sharp, { type Metadata } from 'sharp';
import { join } from 'node:path';
import { cacheKey, throughCache } from '#lib/build/cache.ts';

// The content check reads every image a post shows before Astro does, so that one run of
// `npm run check` names a broken, oversized or unreadable image with the post's line, in German,
// instead of the build failing later inside Astro's image service with an English stack trace.

/** Largest image file the build takes: bigger files are camera originals that need resizing. */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

/** Largest image in pixels (a 7,700 × 5,200 photo); the site shows 1,440 px at most. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** What the build can encode, as sharp names the formats (AVIF is HEIF with AV1 inside). */
const PROCESSABLE = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif']);

const EXPECTED_FORMATS = 'erwartet wird JPEG, PNG, WebP, AVIF oder GIF';

/** HEIF brands of photos from phones (HEIC), which sharp's bundled libheif cannot decode. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

/** The brand of an ISO media file (`ftyp` box), such as `heic` or `avif`, or undefined. */
export function isoBrand(bytes: Uint8Array): string | undefined {
  if (bytes.length < 12) return undefined;
  const text = Buffer.from(bytes.subarray(4, 12)).toString('latin1');
  return text.startsWith('ftyp') ? text.slice(4) : undefined;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 });

/** The format sharp reads, with AVIF told apart from other HEIF images. */
const formatOf = (meta: Metadata): string =>
  meta.format === 'heif' ? (meta.compression === 'av1' ? 'avif' : 'heic') : meta.format;

/**
 * What is wrong with an image file, worded for editors (what, then what is expected), or
 * undefined when the build can process it. The pixels are decoded too, so a file cut off during
 * a copy is found, not only one whose header is broken.
 */
export async function imageProblem(bytes: Uint8Array): Promise<string | undefined> {
  if (bytes.length === 0) return `ist leer (0 Byte); ${EXPECTED_FORMATS} – bitte die Datei noch einmal kopieren`;
  if (bytes.length > MAX_IMAGE_BYTES) {
    return `ist mit ${megabytes(bytes.length)} MB zu groß; erwartet werden höchstens ${megabytes(MAX_IMAGE_BYTES)} MB – bitte verkleinern, z. B. auf 3000 Pixel Breite`;
  }
  const brand = isoBrand(bytes);
  if (brand !== undefined && HEIC_BRANDS.has(brand)) {
    return `ist ein HEIC-Foto (das Format von Telefonkameras), das der Build nicht verarbeiten kann; ${EXPECTED_FORMATS} – bitte als JPEG exportieren`;
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    return `lässt sich nicht lesen (beschädigt, keine Bilddatei oder ein Format wie BMP oder PDF); ${EXPECTED_FORMATS}`;
  }
  const format = formatOf(meta);
  if (format === 'svg') {
    // Astro's image service refuses SVG unless told to process it (image.dangerouslyProcessSVG),
    // which would run untrusted XML through librsvg for every build.
    return `ist ein SVG-Bild, das der Build nicht verkleinern und umwandeln kann; ${EXPECTED_FORMATS} – bitte als PNG exportieren`;
  }
  if (!PROCESSABLE.has(format)) {
    const name = format === 'heic' ? 'HEIC' : format.toUpperCase();
    return `ist im Format ${name}, das der Build nicht verarbeiten kann; ${EXPECTED_FORMATS}`;
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > MAX_IMAGE_PIXELS) {
    const pixels = (width * height / 1_000_000).toLocaleString('de-DE', { maximumFractionDigits: 1 });
    return `ist mit ${width} × ${height} Pixeln (${pixels} Megapixel) zu groß; erwartet werden höchstens ${MAX_IMAGE_PIXELS / 1_000_000} Megapixel – bitte verkleinern, z. B. auf 3000 Pixel Breite`;
  }
  try {
    await sharp(bytes, { failOn: 'truncated' }).resize(16, 16, { fit: 'inside' }).raw().toBuffer();
  } catch {
    return `ist beschädigt (das Bild lässt sich nicht vollständig lesen); ${EXPECTED_FORMATS} – bitte noch einmal exportieren oder kopieren`;
  }
  return undefined;
}

/** Version of the rules above: raise it when they change, so no cached verdict outlives them. */
const RULES_VERSION = '1';

/**
 * `imageProblem`, remembered in the build cache for images that passed: decoding every image
 * again on each check and build would repeat work whose input did not change.
 */
export async function cachedImageProblem(bytes: Uint8Array, cacheDir: string): Promise<string | undefined> {
  const key = cacheKey(bytes, RULES_VERSION, JSON.stringify(sharp.versions));
  let problem: string | undefined;
  await throughCache(join(cacheDir, 'image-checks', key), async () => {
    problem = await imageProblem(bytes);
    if (problem !== undefined) throw new ImageRejected(problem);
    return Buffer.alloc(0);
  }).catch((error: unknown) => {
    if (!(error instanceof ImageRejected)) throw error;
  });
  return problem;
}

/** A verdict that must not be cached. */
class ImageRejected extends Error {}
