// Layout of the social images (og:image): text wrapped by measured width and drawn as SVG paths.
// Pure: the font comes in as a `TextFace`, so the layout is tested without files or sharp.

/** What the layout needs of a font. */
export interface TextFace {
  /** Advance width of `text` at `size` px, kerning included. */
  measure(text: string, size: number): number;
  /** Outline of `text` as SVG path data, its baseline starting at (`x`, `y`). */
  path(text: string, x: number, y: number, size: number): string;
}

/** One drawing command of a glyph outline, as opentype.js gives them (y grows downwards). */
export type PathCommand =
  | { type: 'M' | 'L'; x: number; y: number }
  | { type: 'Q'; x1: number; y1: number; x: number; y: number }
  | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { type: 'Z' };

const round = (value: number): string => String(Math.round(value * 10) / 10);

/**
 * SVG path data of outline commands, to a tenth of a pixel. Written here because opentype.js's
 * own `toPathData` also optimizes the path, which costs milliseconds per line of text.
 */
export function toSvgPathData(commands: readonly PathCommand[]): string {
  let data = '';
  for (const command of commands) {
    switch (command.type) {
      case 'M':
      case 'L':
        data += `${command.type}${round(command.x)} ${round(command.y)}`;
        break;
      case 'Q':
        data += `Q${round(command.x1)} ${round(command.y1)} ${round(command.x)} ${round(command.y)}`;
        break;
      case 'C':
        data += `C${round(command.x1)} ${round(command.y1)} ${round(command.x2)} ${round(command.y2)} ${round(command.x)} ${round(command.y)}`;
        break;
      case 'Z':
        data += 'Z';
        break;
    }
  }
  return data;
}

/** Lines of a wrapped text; `truncated` when text was cut and the last line ends in an ellipsis. */
export interface WrappedText {
  lines: string[];
  truncated: boolean;
}

const ELLIPSIS = '…';
const HYPHEN = '-';
const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });

/** User-perceived characters, so a break never splits a letter from its combining mark. */
const splitGraphemes = (text: string): string[] => Array.from(graphemes.segment(text), (part) => part.segment);

/**
 * Pieces a line may break after: words, and within a word after a hyphen or slash
 * ("Hosting-" | "Genossenschaft"). Each piece keeps its trailing space, if any.
 */
function breakablePieces(text: string): string[] {
  return text.match(/[^\s\-/‐–]+[\-/‐–]*\s*|[\-/‐–]+\s*|\s+/g) ?? [];
}

/** Fewest characters carried over to the next line when a word is broken ("versammlu-ng"). */
const MIN_TAIL = 3;

/**
 * The longest prefix of `word` (whole graphemes, at least one) that fits `maxWidth` with a hyphen
 * after it and leaves a few characters for the next line; for a word wider than a line.
 */
function fittingPrefix(word: string, width: (text: string) => number, maxWidth: number): string {
  const chars = splitGraphemes(word);
  let prefix = chars[0] ?? '';
  for (let i = 2; i <= chars.length - MIN_TAIL; i++) {
    const candidate = chars.slice(0, i).join('');
    if (width(candidate + HYPHEN) > maxWidth) break;
    prefix = candidate;
  }
  return prefix;
}

/** Cuts `line` so that it fits `maxWidth` with an ellipsis after it, at a word end where possible. */
function withEllipsis(line: string, width: (text: string) => number, maxWidth: number): string {
  let text = line.trimEnd();
  if (width(text + ELLIPSIS) <= maxWidth) return text + ELLIPSIS;
  const pieces = breakablePieces(text);
  while (pieces.length > 1) {
    pieces.pop();
    text = pieces.join('').trimEnd().replace(/[\-/‐–,;:]+$/, '');
    if (width(text + ELLIPSIS) <= maxWidth) return text + ELLIPSIS;
  }
  const chars = splitGraphemes(text);
  while (chars.length > 1 && width(chars.join('') + ELLIPSIS) > maxWidth) chars.pop();
  return chars.join('') + ELLIPSIS;
}

/**
 * Wraps `text` greedily into lines no wider than `maxWidth` (measured by `width`): breaks at
 * spaces, after hyphens and slashes, and, for a word longer than a line, inside the word with a
 * hyphen. More than `maxLines` lines are cut, the last one ending in "…".
 */
export function wrapText(
  text: string,
  width: (text: string) => number,
  maxWidth: number,
  maxLines: number,
): WrappedText {
  const lines: string[] = [];
  let current = '';
  const queue = breakablePieces(text.normalize('NFC').replace(/\s+/g, ' ').trim());
  for (let piece = queue.shift(); piece !== undefined; piece = queue.shift()) {
    const candidate = current + piece;
    if (width(candidate.trimEnd()) <= maxWidth) {
      current = candidate;
    } else if (current !== '') {
      lines.push(current.trimEnd());
      current = '';
      queue.unshift(piece);
    } else {
      // A single piece wider than a whole line: break it inside, with a hyphen.
      const prefix = fittingPrefix(piece.trimEnd(), width, maxWidth);
      lines.push(prefix + HYPHEN);
      queue.unshift(piece.slice(prefix.length));
    }
  }
  if (current.trim() !== '') lines.push(current.trimEnd());
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept.length - 1;
  kept[last] = withEllipsis(kept[last]!.replace(/-$/, ''), width, maxWidth);
  return { lines: kept, truncated: true };
}

/** A title set at one font size. */
export interface TitleLayout extends WrappedText {
  size: number;
  lineHeight: number;
}

/**
 * Sets `text` at the largest of `sizes` (descending) at which it fits `maxWidth` × `maxHeight`
 * without being cut; a text too long even at the smallest size is cut with an ellipsis there.
 */
export function fitTitle(
  text: string,
  face: TextFace,
  box: { maxWidth: number; maxHeight: number; maxLines: number },
  sizes: readonly number[],
  lineHeightFactor = 1.2,
): TitleLayout {
  let layout: TitleLayout | undefined;
  for (const size of sizes) {
    const lineHeight = Math.round(size * lineHeightFactor);
    const maxLines = Math.max(1, Math.min(box.maxLines, Math.floor(box.maxHeight / lineHeight)));
    layout = { ...wrapText(text, (t) => face.measure(t, size), box.maxWidth, maxLines), size, lineHeight };
    if (!layout.truncated) return layout;
  }
  if (!layout) throw new Error('fitTitle needs at least one font size');
  return layout;
}

/** What a social image shows. */
export interface SocialCard {
  /** Beside the mark at the top: the blog's name. */
  label: string;
  /** Large text: the post's title, or the blog's name on the default image. */
  title: string;
  /** Smaller text under the title, such as the blog's description (optional). */
  lead?: string | undefined;
  /** Bottom left, such as the publication date; may be empty. */
  footerStart: string;
  /** Bottom right, such as the site's host name. */
  footerEnd: string;
}

/** The fonts of a card. */
export interface CardFaces {
  regular: TextFace;
  bold: TextFace;
}

/**
 * Version of the picture a card becomes. Built images are cached by card, fonts and libraries
 * (social-image-cache.ts), not by this code: bump it whenever the same card should look different
 * (layout, sizes, colours, mark). tests/unit/social-image/card.test.ts fails until you do.
 */
export const SOCIAL_IMAGE_VERSION = 1;

/** Size of an og:image as the large Twitter/X and Open Graph previews show it. */
export const SOCIAL_IMAGE = { width: 1200, height: 630 } as const;

/** Colours of the card: the brand blue with white text. */
export const CARD_COLOURS = {
  background: '#0b5c7a',
  band: '#084a63',
  text: '#ffffff',
  muted: '#cfe5ee',
  rule: '#3d8aa6',
} as const;

const PADDING = 80;
/** Title sizes tried in turn, largest first. */
const TITLE_SIZES = [76, 68, 60, 54] as const;
const MAX_TITLE_LINES = 4;
const FOOTER_SIZE = 30;
const BAND_HEIGHT = 110;
const MARK_SIZE = 64;
const LABEL_SIZE = 34;

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The favicon's mark, inverted for the blue background: a white rounded square with a blue "H". */
function logoMark(x: number, y: number, size: number): string {
  const scale = size / 32;
  return (
    `<g transform="translate(${x} ${y}) scale(${scale})">` +
    `<rect width="32" height="32" rx="7" fill="${CARD_COLOURS.text}"/>` +
    `<path d="M9 8v16M23 8v16M9 16h14" stroke="${CARD_COLOURS.background}" stroke-width="3.2" stroke-linecap="round" fill="none"/>` +
    `</g>`
  );
}

/**
 * The card as an SVG document of 1200 × 630: mark and title on the brand blue, the footer texts
 * in a darker band. Every text is a path, so the picture does not depend on installed fonts.
 */
export function socialCardSvg(card: SocialCard, faces: CardFaces): string {
  const { width, height } = SOCIAL_IMAGE;
  const innerWidth = width - 2 * PADDING;
  const bandTop = height - BAND_HEIGHT;
  // The title area: below the mark, above the band, with the lead (if any) under the title.
  const titleTop = PADDING + MARK_SIZE + 36;
  const leadSize = 34;
  const leadLineHeight = Math.round(leadSize * 1.35);
  const lead =
    card.lead === undefined
      ? undefined
      : wrapText(card.lead, (t) => faces.regular.measure(t, leadSize), innerWidth, 2);
  const leadBlock = lead === undefined ? 0 : 24 + lead.lines.length * leadLineHeight;
  const areaHeight = bandTop - 40 - titleTop;
  const title = fitTitle(
    card.title,
    faces.bold,
    { maxWidth: innerWidth, maxHeight: areaHeight - leadBlock, maxLines: MAX_TITLE_LINES },
    TITLE_SIZES,
  );
  // Title and lead sit in the middle of their area, so a one-line title does not float at the top.
  const blockHeight = title.lines.length * title.lineHeight + leadBlock;
  const blockTop = titleTop + Math.max(0, Math.round((areaHeight - blockHeight) / 2));

  const paths: string[] = [];
  const text = (face: TextFace, value: string, x: number, y: number, size: number, fill: string) =>
    paths.push(`<path fill="${fill}" d="${escapeAttribute(face.path(value, x, y, size))}"/>`);

  // Baselines: cap height of Noto Sans is about 0.714 em; the first line starts at the area's top.
  let baseline = blockTop + Math.round(title.size * 0.92);
  for (const line of title.lines) {
    text(faces.bold, line, PADDING, baseline, title.size, CARD_COLOURS.text);
    baseline += title.lineHeight;
  }
  if (lead !== undefined) {
    baseline += 24 - title.lineHeight + leadLineHeight;
    for (const line of lead.lines) {
      text(faces.regular, line, PADDING, baseline, leadSize, CARD_COLOURS.muted);
      baseline += leadLineHeight;
    }
  }
  const labelBaseline = PADDING + Math.round(MARK_SIZE / 2 + LABEL_SIZE * 0.36);
  text(faces.bold, card.label, PADDING + MARK_SIZE + 24, labelBaseline, LABEL_SIZE, CARD_COLOURS.text);
  const footerBaseline = bandTop + Math.round(BAND_HEIGHT / 2 + FOOTER_SIZE * 0.36);
  text(faces.regular, card.footerStart, PADDING, footerBaseline, FOOTER_SIZE, CARD_COLOURS.muted);
  const endWidth = faces.bold.measure(card.footerEnd, FOOTER_SIZE);
  text(faces.bold, card.footerEnd, width - PADDING - endWidth, footerBaseline, FOOTER_SIZE, CARD_COLOURS.text);

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="${CARD_COLOURS.background}"/>` +
    `<rect y="${bandTop}" width="${width}" height="${BAND_HEIGHT}" fill="${CARD_COLOURS.band}"/>` +
    `<rect y="${bandTop}" width="${width}" height="4" fill="${CARD_COLOURS.rule}"/>` +
    logoMark(PADDING, PADDING, MARK_SIZE) +
    paths.join('') +
    `</svg>`
  );
}
