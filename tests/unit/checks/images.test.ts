import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES, cachedImageProblem, imageProblem, isoBrand } from '#lib/checks/images.ts';
import { TMP } from '../../build/helpers.ts';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3a6ea5' } });
const png = await solid(120, 80).png().toBuffer();
const jpeg = await solid(120, 80).jpeg().toBuffer();
const webp = await solid(120, 80).webp().toBuffer();
const avif = await solid(120, 80).avif().toBuffer();
const gif = await solid(120, 80).gif().toBuffer();
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
/** A photo from a phone: an ISO media file of brand `heic` (only its header matters here). */
const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)]);
/** A camera original over 40 megapixels, cheap to make as a low-quality JPEG. */
const huge = await solid(8000, 5001).jpeg({ quality: 10 }).toBuffer();

describe('imageProblem', () => {
  it.each([
    ['PNG', png],
    ['JPEG', jpeg],
    ['WebP', webp],
    ['AVIF', avif],
    ['GIF', gif],
  ])('accepts a %s image', async (_, bytes) => {
    expect(await imageProblem(bytes)).toBeUndefined();
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /^ist leer \(0 Byte\); erwartet wird JPEG, PNG, WebP, AVIF oder GIF/],
    ['an SVG, which Astro does not process', svg, /^ist ein SVG-Bild, das der Build nicht verkleinern und umwandeln kann; .* bitte als PNG exportieren$/],
    ['text named .png', Buffer.from('Das ist kein Bild.\n'), /^lässt sich nicht lesen \(beschädigt, keine Bilddatei/],
    ['a PNG with a broken header', Buffer.concat([png.subarray(0, 16), Buffer.alloc(200, 7)]), /^lässt sich nicht lesen/],
    ['a PNG cut off during a copy', png.subarray(0, Math.floor(png.length * 0.6)), /^ist beschädigt \(das Bild lässt sich nicht vollständig lesen\)/],
    ['a bitmap (BMP), which sharp does not read', Buffer.concat([Buffer.from('BM', 'latin1'), Buffer.alloc(120, 1)]), /^lässt sich nicht lesen .*Format wie BMP/],
    ['a HEIC photo named .jpg', heic, /^ist ein HEIC-Foto .* bitte als JPEG exportieren$/],
    ['over 40 megapixels', huge, /^ist mit 8000 × 5001 Pixeln \(40 Megapixel\) zu groß; erwartet werden höchstens 40 Megapixel/],
    ['over 25 MB', Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES)]), /^ist mit 25 MB zu groß; erwartet werden höchstens 25 MB/],
  ])('names %s', async (_, bytes, message) => {
    expect(await imageProblem(bytes)).toMatch(message);
  });

});

describe('isoBrand', () => {
  it.each([
    ['a HEIC photo', heic, 'heic'],
    ['an AVIF image', avif, 'avif'],
    ['a PNG', png, undefined],
    ['a short file', Buffer.from('ftyp'), undefined],
  ])('reads %s', (_, bytes, brand) => {
    expect(isoBrand(bytes)).toBe(brand);
  });
});

describe('cachedImageProblem', () => {
  mkdirSync(TMP, { recursive: true });
  const cacheDir = mkdtempSync(join(TMP, 'unit-image-check-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
  const entries = () => readdirSync(join(cacheDir, 'image-checks'));

  it('remembers an image that passed, and never a verdict against one', async () => {
    expect(await cachedImageProblem(png, cacheDir)).toBeUndefined();
    expect(entries()).toHaveLength(1);
    expect(await cachedImageProblem(Buffer.alloc(0), cacheDir)).toMatch(/^ist leer/);
    expect(await cachedImageProblem(Buffer.alloc(0), cacheDir)).toMatch(/^ist leer/);
    expect(entries()).toHaveLength(1);
    expect(await cachedImageProblem(png, cacheDir)).toBeUndefined();
    expect(entries()).toHaveLength(1);
  });
});
