// Sizes of content images. The text column is 42rem (672 CSS px) at most: 720 px serves it on
// ordinary screens and small phones at 2x, 1440 px on high-density screens. Every width costs an
// AVIF encode on a cold build, so there are two, not four.

/** Widths offered as AVIF for a content image: for the text column at 1x and 2x. */
const CANDIDATE_WIDTHS = [720, 1440] as const;

/** Width of the single WebP fallback, for the few browsers without AVIF. */
const FALLBACK_WIDTH = 720;

/** AVIF widths (px) for an image `originalWidth` wide: the candidates below it, and the original up to the largest. */
export function imageWidths(originalWidth: number): number[] {
  const widths: number[] = CANDIDATE_WIDTHS.filter((width) => width < originalWidth);
  if (originalWidth <= (CANDIDATE_WIDTHS.at(-1) ?? 0)) widths.push(originalWidth);
  return widths.length > 0 ? widths : [originalWidth];
}

/** Width of the WebP fallback for an image `originalWidth` wide: never wider than the original. */
export const fallbackWidth = (originalWidth: number): number => Math.min(FALLBACK_WIDTH, originalWidth);

/** `sizes` for images in the text column (42rem wide at most). */
export const imageSizes = '(min-width: 46rem) 42rem, calc(100vw - 2.5rem)';
