import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  SOCIAL_IMAGE,
  SOCIAL_IMAGE_VERSION,
  fitTitle,
  socialCardSvg,
  toSvgPathData,
  wrapText,
  type TextFace,
} from '#lib/social-image/card.ts';
import {
  cachedSocialCard,
  loadFaces,
  loadFonts,
  missingGlyphs,
  rendererIdentity,
  rendererKey,
  type RendererParts,
} from '#lib/social-image/render.ts';
import { TMP } from '../../build/helpers.ts';

/** A monospaced stand-in for a font: every character (grapheme) is 10 px wide. */
const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });
const mono = (text: string) => [...graphemes.segment(text)].length * 10;
/** The same as a face: 0.6 em a character. */
const monoFace: TextFace = {
  measure: (text, size) => (mono(text) * size * 0.6) / 10,
  path: (text, x, y) => `M${x} ${y}h${text.length}`,
};

describe('wrapText', () => {
  it.each([
    ['fits on one line', 'Kurzer Titel', 200, 3, ['Kurzer Titel'], false],
    ['breaks at spaces', 'Größere Speicherpakete für Mitglieder', 230, 3, ['Größere Speicherpakete', 'für Mitglieder'], false],
    ['counts umlauts and ß as one character', 'ÄÖÜäöüß straße', 140, 3, ['ÄÖÜäöüß straße'], false],
    ['breaks after a hyphen', 'Hosting-Genossenschaft', 140, 3, ['Hosting-', 'Genossenschaft'], false],
    ['breaks a word longer than a line with a hyphen', 'Donaudampfschifffahrt', 100, 3, ['Donaudamp-', 'fschifffa-', 'hrt'], false],
    ['leaves at least three characters for the next line', 'Donaudampf', 90, 3, ['Donauda-', 'mpf'], false],
    ['cuts with an ellipsis after the last line', 'eins zwei drei vier fünf sechs', 100, 2, ['eins zwei', 'drei vier…'], true],
    ['cuts at a word end, not inside a word', 'eins zwei dreizehn vierzehn', 100, 1, ['eins zwei…'], true],
    ['cuts a broken long word with an ellipsis', 'Donaudampfschifffahrtsgesellschaft', 100, 1, ['Donaudamp…'], true],
    ['collapses whitespace', '  viel \n  Luft  ', 200, 3, ['viel Luft'], false],
    ['keeps decomposed umlauts whole', 'Mu\u0308ller', 200, 1, ['Müller'], false],
    ['yields nothing for an empty title', '', 200, 3, [], false],
  ])('%s', (_, text, maxWidth, maxLines, lines, truncated) => {
    const result = wrapText(text, mono, maxWidth, maxLines);
    expect(result).toEqual({ lines, truncated });
    for (const line of result.lines) expect(mono(line), line).toBeLessThanOrEqual(maxWidth);
  });
});

describe('fitTitle', () => {
  const box = { maxWidth: 1040, maxHeight: 360, maxLines: 4 };

  it.each([
    ['a short title at the largest size', 'Neue Server', 76, 1],
    ['a longer title at a smaller size, without cutting', 'Warum wir unsere Rechenzentren in Deutschland betreiben und was das für Mitglieder bedeutet', 60, 4],
  ])('sets %s', (_, title, size, lines) => {
    const layout = fitTitle(title, monoFace, box, [76, 68, 60, 54]);
    expect(layout.size).toBe(size);
    expect(layout.lines).toHaveLength(lines);
    expect(layout.truncated).toBe(false);
  });

  it('cuts an overlong title at the smallest size, within the height', () => {
    const layout = fitTitle('Wort '.repeat(80), monoFace, box, [76, 54]);
    expect(layout.size).toBe(54);
    expect(layout.truncated).toBe(true);
    expect(layout.lines.length * layout.lineHeight).toBeLessThanOrEqual(box.maxHeight);
    expect(layout.lines.at(-1)).toMatch(/…$/);
  });
});

describe('toSvgPathData', () => {
  it('writes each command to a tenth of a pixel', () => {
    expect(
      toSvgPathData([
        { type: 'M', x: 1.04, y: 2 },
        { type: 'L', x: 3.25, y: -4.5 },
        { type: 'Q', x1: 1, y1: 2, x: 3, y: 4 },
        { type: 'C', x1: 1, y1: 2, x2: 3, y2: 4, x: 5, y: 6.66 },
        { type: 'Z' },
      ]),
    ).toBe('M1 2L3.3 -4.5Q1 2 3 4C1 2 3 4 5 6.7Z');
  });
});

describe('the card font (Noto Sans from @fontsource)', () => {
  it.each([
    ['umlauts', 'ÄÖÜäöü'],
    ['ß', 'ß'],
    ['German quotes and dashes', '„“‚‘–—…'],
    ['€, §, °, digits and date points', '€§°0123456789.'],
    ['accented letters in names', 'éèàçñ'],
  ])('has a glyph for %s', async (_, chars) => {
    const { regular, bold } = await loadFonts();
    expect(missingGlyphs(regular, chars)).toEqual([]);
    expect(missingGlyphs(bold, chars)).toEqual([]);
  });

  it.each([
    ['an emoji', 'Sommerfest 🎉', ['🎉']],
    ['Chinese', 'Grüße 你好', ['你', '好']],
    ['nothing in plain German', 'Größere Speicherpakete – „jetzt“', []],
  ])('names the characters it lacks: %s', async (_, text, missing) => {
    const { bold } = await loadFonts();
    expect(missingGlyphs(bold, text)).toEqual(missing);
  });

  it('measures umlauts like their base letters plus marks, not as missing glyphs', async () => {
    const { bold } = await loadFaces();
    expect(bold.measure('Größe', 100)).toBeGreaterThan(bold.measure('Gr', 100));
    expect(bold.measure('ü', 100)).toBeCloseTo(bold.measure('u', 100), 0);
  });
});

describe('socialCardSvg and the PNG drawn from it', () => {
  const card = {
    label: 'Hostsharing Blog',
    title: 'Manchmal fällt das Frühstück aus: Größere Speicherpakete für Mitglieder',
    footerStart: '12.08.2022',
    footerEnd: 'hostsharing.net',
  };

  it('draws every text as a path, with no text element and no font reference', async () => {
    const svg = socialCardSvg(card, await loadFaces());
    expect(svg).toMatch(/^<svg [^>]*width="1200" height="630"/);
    expect(svg).not.toMatch(/<text|font-family/);
    expect(svg.match(/<path /g)?.length).toBeGreaterThan(4);
  });

  it('renders a 1200 × 630 PNG', async () => {
    const cacheDir = join(TMP, 'unit-social-image-png');
    rmSync(cacheDir, { recursive: true, force: true });
    const png = await cachedSocialCard(card, cacheDir);
    const meta = await sharp(png).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', ...SOCIAL_IMAGE });
    expect(png.length).toBeLessThan(80_000);
  });
});

describe('cachedSocialCard', () => {
  const cacheDir = join(TMP, 'unit-social-image-cache');
  const card = { label: 'Hostsharing Blog', title: 'Größere Speicherpakete', footerStart: '12.08.2022', footerEnd: 'hostsharing.net' };
  const entries = () => readdirSync(join(cacheDir, 'social-images'));

  it('draws a card once, keeps that PNG, and then takes it from the cache', async () => {
    rmSync(cacheDir, { recursive: true, force: true });
    const drawn = await cachedSocialCard(card, cacheDir);
    expect((await sharp(drawn).metadata()).format).toBe('png');
    expect(entries()).toHaveLength(1);
    expect(drawn.equals(readFileSync(join(cacheDir, 'social-images', entries()[0]!)))).toBe(true);
    const [entry] = entries();
    writeFileSync(join(cacheDir, 'social-images', entry!), 'aus dem Cache');
    expect((await cachedSocialCard({ ...card }, cacheDir)).toString()).toBe('aus dem Cache');
  });

  it('draws a changed card anew', async () => {
    rmSync(cacheDir, { recursive: true, force: true });
    await cachedSocialCard(card, cacheDir);
    await cachedSocialCard({ ...card, footerStart: '13.08.2022' }, cacheDir);
    expect(entries()).toHaveLength(2);
  });

  const parts: RendererParts = {
    regular: Uint8Array.of(1, 2, 3),
    bold: Uint8Array.of(4, 5, 6),
    opentypeVersion: '2.0.0',
    sharpVersions: { sharp: '0.35.5', vips: '8.17.0' },
    png: { palette: true, colours: 16 },
  };

  it.each<[string, Partial<RendererParts>]>([
    ['a byte of the regular font', { regular: Uint8Array.of(1, 2, 4) }],
    ['a byte of the bold font', { bold: Uint8Array.of(4, 5, 7) }],
    ['the fonts swapped', { regular: parts.bold, bold: parts.regular }],
    ['the opentype.js version', { opentypeVersion: '2.0.1' }],
    ['a library version in sharp', { sharpVersions: { sharp: '0.35.5', vips: '8.17.1' } }],
    ['the PNG settings', { png: { palette: true, colours: 32 } }],
  ])('names the renderer anew when %s changes', (_, change) => {
    expect(rendererKey({ ...parts, ...change })).not.toBe(rendererKey(parts));
  });

  it('names the same renderer alike, so cached cards are found again', () => {
    expect(rendererKey({ ...parts, regular: Uint8Array.from(parts.regular) })).toBe(rendererKey(parts));
  });

  it('names the installed renderer by its real fonts and libraries', async () => {
    const identity = await rendererIdentity();
    expect(identity).toMatch(/^[0-9a-f]{64}$/);
    expect(identity).not.toBe(rendererKey(parts));
  });
});

describe('SOCIAL_IMAGE_VERSION', () => {
  /** A stand-in face whose outlines record position, size and text: the layout, without real fonts. */
  const probeFace: TextFace = {
    measure: (text, size) => mono(text) * size * 0.06,
    path: (text, x, y, size) => `M${x} ${y}s${size}t${text}`,
  };
  const cards = [
    { label: 'Hostsharing Blog', title: 'Kurz', footerStart: '12.08.2022', footerEnd: 'hostsharing.net' },
    { label: 'Hostsharing eG', title: 'Hostsharing Blog', lead: 'Neuigkeiten aus der Genossenschaft', footerStart: '', footerEnd: 'hostsharing.net' },
    { label: 'Hostsharing Blog', title: 'Ein sehr langer Titel '.repeat(12), footerStart: '1.1.2024', footerEnd: 'hostsharing.net' },
  ];
  /** Fingerprints of the layout per version; a new version adds a line, old lines stay. */
  const LAYOUTS: Record<number, string> = {
    1: '5354e3974df747391d67eee5fd5aae98c26badb07d2d3cce9f241c93bf79a752',
  };

  it('is bumped whenever the layout changes, so no cached card keeps an old look', () => {
    const svg = cards.map((card) => socialCardSvg(card, { regular: probeFace, bold: probeFace })).join('\n');
    const fingerprint = createHash('sha256').update(svg).digest('hex');
    // Changed the layout on purpose? Raise SOCIAL_IMAGE_VERSION in src/lib/social-image/card.ts and add
    // its fingerprint to LAYOUTS; without that, builds keep serving cards drawn with the old layout.
    expect(Object.entries(LAYOUTS).find(([, known]) => known === fingerprint)?.[0], fingerprint).toBe(String(SOCIAL_IMAGE_VERSION));
  });
});
