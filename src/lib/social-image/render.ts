import { readFile, utimes } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as opentypeModule from 'opentype.js';
import sharp from 'sharp';
import { buildCacheDir, cacheKey, throughCache } from '#lib/build/cache.ts';
import { SOCIAL_IMAGE_CACHE, socialCardKey } from '#lib/social-image/cache-key.ts';
import { socialCardSvg, toSvgPathData, type CardFaces, type SocialCard, type TextFace } from '#lib/social-image/card.ts';

// Turns a social card into a PNG: Noto Sans (self-hosted, from @fontsource) is parsed once by
// opentype.js, text becomes SVG paths (social-image.ts), sharp rasterizes the SVG.

type Opentype = typeof opentypeModule;
type Font = opentypeModule.Font;

// opentype.js 2 ships a CommonJS main and an ES module without a default export: Node's import
// of the CommonJS build puts everything on `default`, a bundler's import of the ES build does not.
const opentype: Opentype = (opentypeModule as Opentype & { default?: Opentype }).default ?? opentypeModule;

/** Font files of the card (Noto Sans, Latin subset: every German letter and quote mark). */
export const FONT_FILES = {
  regular: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff',
  bold: '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff',
} as const;

// Resolved from the project root, not from this file: in a build this code runs from a bundled chunk.
const requireFromRoot = createRequire(join(process.cwd(), 'package.json'));

/** Size at which widths are measured once and then scaled; widths are linear in the size. */
const UNITS = 1000;

/**
 * A parsed font as the layout's `TextFace`. Shaping a text in opentype.js takes a fraction of a
 * millisecond, and line wrapping measures the same prefixes at every size it tries: widths are
 * remembered per text.
 */
export function fontFace(font: Font): TextFace {
  const options = { kerning: true };
  const widths = new Map<string, number>();
  return {
    measure: (text, size) => {
      let width = widths.get(text);
      if (width === undefined) {
        width = font.getAdvanceWidth(text, UNITS, options);
        widths.set(text, width);
      }
      return (width * size) / UNITS;
    },
    path: (text, x, y, size) => toSvgPathData(font.getPath(text, x, y, size, options).commands),
  };
}

/** Whether every character of `text` (spaces aside) has a glyph in `font`. */
export const missingGlyphs = (font: Font, text: string): string[] =>
  [...new Set(text.normalize('NFC'))].filter((char) => /\S/.test(char) && font.charToGlyph(char).index === 0);

let fontFiles: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

/** The bytes of the card's font files, read once per process. */
function readFontFiles(): Promise<{ regular: Buffer; bold: Buffer }> {
  fontFiles ??= (async () => {
    const [regular, bold] = await Promise.all([
      readFile(requireFromRoot.resolve(FONT_FILES.regular)),
      readFile(requireFromRoot.resolve(FONT_FILES.bold)),
    ]);
    return { regular, bold };
  })();
  return fontFiles;
}

let fonts: Promise<{ regular: Font; bold: Font }> | undefined;

/** The card's fonts, read and parsed once per process. */
export function loadFonts(): Promise<{ regular: Font; bold: Font }> {
  fonts ??= readFontFiles().then((files) => {
    const parse = (data: Buffer) => opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    return { regular: parse(files.regular), bold: parse(files.bold) };
  });
  return fonts;
}

let faces: Promise<CardFaces> | undefined;

/** The card's faces, for `socialCardSvg`; one pair per process, so remembered widths are shared. */
export function loadFaces(): Promise<CardFaces> {
  faces ??= loadFonts().then(({ regular, bold }) => ({ regular: fontFace(regular), bold: fontFace(bold) }));
  return faces;
}

/**
 * PNG settings of a card. A palette of 16 colours holds the five flat colours and the
 * anti-aliased edges of the text, looks no different from 32 colours when zoomed in, and makes
 * smaller files; a true-colour PNG would be faster to write but several times larger (the
 * README's performance section has the measurements). Dithering off, effort 1.
 */
export const CARD_PNG = { palette: true, colours: 16, dither: 0, effort: 1, compressionLevel: 6 } as const;

/** Everything besides the card and the layout version that decides a card's pixels. */
export interface RendererParts {
  regular: Uint8Array;
  bold: Uint8Array;
  opentypeVersion: string;
  sharpVersions: Readonly<Record<string, string | undefined>>;
  png: Readonly<Record<string, unknown>>;
}

/** The cache key part of a renderer: any change to one of its parts gives another key. */
export const rendererKey = (parts: RendererParts): string =>
  cacheKey(parts.regular, parts.bold, parts.opentypeVersion, JSON.stringify(parts.sharpVersions), JSON.stringify(parts.png));

let renderer: Promise<string> | undefined;

/**
 * What decides a card's pixels besides the card and the layout version: the font files' bytes,
 * the versions of opentype.js, sharp and its libraries (librsvg, libvips, libpng …) and the PNG
 * settings. Part of the cache key, so an update of any of them draws every card anew.
 */
export function rendererIdentity(): Promise<string> {
  renderer ??= readFontFiles().then(({ regular, bold }) =>
    rendererKey({
      regular,
      bold,
      opentypeVersion: (requireFromRoot('opentype.js/package.json') as { version: string }).version,
      sharpVersions: sharp.versions,
      png: CARD_PNG,
    }),
  );
  return renderer;
}

/** Warns in the build log when the title has characters Noto Sans lacks (emoji, CJK). */
async function warnAboutMissingGlyphs(card: SocialCard): Promise<void> {
  const missing = missingGlyphs((await loadFonts()).bold, card.title);
  if (missing.length > 0) {
    // The card still renders (with empty boxes); the editor learns why.
    console.warn(`Vorschaubild für „${card.title}“: Zeichen ohne Glyphe in Noto Sans: ${missing.join(' ')}`);
  }
}

/** The card as a 1200 × 630 PNG (`CARD_PNG`): the SVG drawn here, rasterized and quantized by sharp. */
const drawCard = async (card: SocialCard): Promise<Buffer> =>
  sharp(Buffer.from(socialCardSvg(card, await loadFaces())))
    .png(CARD_PNG)
    .toBuffer();

/**
 * The card as a PNG, taken from `<cacheDir>/social-images/` when an earlier build drew the same
 * card (`socialCardKey`), else drawn and stored there. {@link keepSocialCards} warns about
 * missing glyphs.
 */
export async function cachedSocialCard(card: SocialCard, cacheDir: string = buildCacheDir()): Promise<Buffer> {
  const path = join(cacheDir, SOCIAL_IMAGE_CACHE, `${socialCardKey(card, await rendererIdentity())}.png`);
  return (await throughCache(path, () => drawCard(card))).data;
}

/**
 * Marks the cached PNGs of `cards` as used by this build, and warns about missing glyphs, for the
 * cards whose path Astro's incremental build reuses without calling {@link cachedSocialCard}: the
 * cache keeps them (src/integration/social-image-cache.ts), and the warning stays in every build log.
 */
export async function keepSocialCards(cards: readonly SocialCard[], cacheDir: string = buildCacheDir()): Promise<void> {
  const renderer = await rendererIdentity();
  const now = new Date();
  await Promise.all(
    cards.map(async (card) => {
      await warnAboutMissingGlyphs(card);
      await utimes(join(cacheDir, SOCIAL_IMAGE_CACHE, `${socialCardKey(card, renderer)}.png`), now, now).catch(() => undefined);
    }),
  );
}

/** The site's favicon (public/favicon.svg) as a square PNG `size` pixels wide. */
export async function renderLogo(size: number): Promise<Buffer> {
  const svg = await readFile(join(process.cwd(), 'public/favicon.svg'));
  return sharp(svg, { density: 72 * 16 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}
