import { describe, expect, it } from 'vitest';
import { fallbackWidth, imageWidths } from '#lib/site/image-sizes.ts';

describe('imageWidths', () => {
  it.each([
    [300, [300]],
    [720, [720]],
    [800, [720, 800]],
    [1200, [720, 1200]],
    [1440, [720, 1440]],
    [1600, [720, 1440]],
    [4000, [720, 1440]],
  ])('an image %i px wide → %j', (width, widths) => {
    expect(imageWidths(width)).toEqual(widths);
  });
});

describe('fallbackWidth', () => {
  it.each([
    [300, 300],
    [720, 720],
    [4000, 720],
  ])('an image %i px wide → one WebP %i px wide', (width, expected) => {
    expect(fallbackWidth(width)).toBe(expected);
  });
});
