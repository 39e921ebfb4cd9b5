import { describe, expect, it } from 'vitest';
import { setShare } from '../../../../../electron/core/pipeline/vision/morphology.ts';

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
