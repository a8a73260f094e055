/** Widths offered for a content image: up to twice the text column, never wider than the original. */
const CANDIDATE_WIDTHS = [480, 720, 1080, 1440] as const;

/** Candidate widths (px) for an image `originalWidth` wide: those below it, and the original. */
export function imageWidths(originalWidth: number): number[] {
  const widths: number[] = CANDIDATE_WIDTHS.filter((width) => width < originalWidth);
  if (originalWidth <= (CANDIDATE_WIDTHS.at(-1) ?? 0)) widths.push(originalWidth);
  return widths.length > 0 ? widths : [originalWidth];
}

/** `sizes` for images in the text column (42rem wide at most). */
export const imageSizes = '(min-width: 46rem) 42rem, calc(100vw - 2.5rem)';
