import { describe, expect, it } from 'vitest';
import { imageWidths } from '../../src/lib/images.ts';

describe('imageWidths', () => {
  it.each([
    [300, [300]],
    [480, [480]],
    [800, [480, 720, 800]],
    [1440, [480, 720, 1080, 1440]],
    [1600, [480, 720, 1080, 1440]],
    [4000, [480, 720, 1080, 1440]],
  ])('an image %i px wide → %j', (width, widths) => {
    expect(imageWidths(width)).toEqual(widths);
  });
});
