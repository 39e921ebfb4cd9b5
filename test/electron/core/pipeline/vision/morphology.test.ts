import { describe, expect, it } from 'vitest';
import {
  maxFilter,
  minFilter,
  setShare,
} from '../../../../../electron/core/pipeline/vision/morphology.ts';
import type { Gray } from '../../../../../electron/core/pipeline/vision/gray.ts';
import { createRng } from '../../../../synth/prng.ts';

describe('the share of a box set in a mask', () => {
  // A 4 × 3 mask with its left column and one more pixel set.
  const mask = Uint8Array.from([1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0]);

  it('counts the set pixels inside the box only', () => {
    expect(setShare(mask, 4, { x: 0, y: 0, width: 4, height: 3 })).toBeCloseTo(4 / 12, 10);
    expect(setShare(mask, 4, { x: 0, y: 0, width: 1, height: 3 })).toBe(1);
    expect(setShare(mask, 4, { x: 1, y: 0, width: 3, height: 1 })).toBe(0);
  });

  it('is nothing for an empty box', () => {
    expect(setShare(mask, 4, { x: 2, y: 1, width: 0, height: 0 })).toBe(0);
  });
});

/** Every window's extreme compared pixel by pixel, the slow way. */
function windowed(src: Gray, rx: number, ry: number, pick: (a: number, b: number) => number) {
  const out: number[] = [];
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) {
      let m = src.data[y * src.width + x] as number;
      for (let j = Math.max(0, y - ry); j <= Math.min(src.height - 1, y + ry); j++)
        for (let i = Math.max(0, x - rx); i <= Math.min(src.width - 1, x + rx); i++)
          m = pick(m, src.data[j * src.width + i] as number);
      out.push(m);
    }
  }
  return out;
}

describe('the window filters', () => {
  // A fixed pseudo-random sequence: the same images on every run.
  const rng = createRng(7);
  const images = Array.from({ length: 120 }, () => {
    const width = rng.int(1, 30);
    const height = rng.int(1, 30);
    const data = Uint8Array.from({ length: width * height }, () => rng.int(0, 255));
    // Radii from none to past the image's own size, where the window is cut by both edges.
    return {
      src: { data, width, height },
      rx: rng.int(0, 34),
      ry: rng.int(0, 34),
    };
  });

  it('gives each pixel the largest value of its window, cut where the image ends', () => {
    for (const { src, rx, ry } of images)
      expect(Array.from(maxFilter(src, rx, ry).data)).toEqual(windowed(src, rx, ry, Math.max));
  });

  it('gives each pixel the smallest value of its window', () => {
    for (const { src, rx, ry } of images)
      expect(Array.from(minFilter(src, rx, ry).data)).toEqual(windowed(src, rx, ry, Math.min));
  });
});
