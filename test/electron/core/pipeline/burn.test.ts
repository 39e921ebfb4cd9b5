import { describe, expect, it } from 'vitest';
import { boxToRect, type Region, type Shape } from '../../../../shared/regions.ts';
import { burnRegions, fillPolygon, safetyMargin } from '../../../../electron/core/pipeline/burn.ts';
import type { RawImage } from '../../../../electron/core/pipeline/raw-image.ts';
import { maxInBox, pixelAt } from '../../../helpers/images.ts';

function whiteImage(width: number, height: number): RawImage {
  return { data: Buffer.alloc(width * height * 3, 255), width, height, dpi: null };
}

function region(shape: Shape): Region {
  return { id: 'r', kind: 'manual', shape, source: 'manual', confidence: 1, label: '', side: 0 };
}

describe('burn-in', () => {
  it('makes every pixel of a box exactly black, plus a safety margin', () => {
    const img = whiteImage(200, 100);
    const out = burnRegions(img, [
      region({ type: 'rect', rect: boxToRect({ x: 50.5, y: 20.25, width: 40, height: 30 }) }),
    ]);
    const m = safetyMargin(200, 100);
    expect(
      maxInBox(out, { x: 50.5 - m, y: 20.25 - m, width: 40 + 2 * m, height: 30 + 2 * m }),
    ).toBe(0);
    expect(pixelAt(out, 10, 10)).toEqual([255, 255, 255]);
    expect(pixelAt(out, 50 - m - 2, 30)).toEqual([255, 255, 255]);
  });

  it('leaves the input image untouched', () => {
    const img = whiteImage(50, 50);
    burnRegions(img, [
      region({ type: 'rect', rect: boxToRect({ x: 0, y: 0, width: 50, height: 50 }) }),
    ]);
    expect(img.data.every((v) => v === 255)).toBe(true);
  });

  it('fills rotated rectangles and polygons completely', () => {
    const img = whiteImage(200, 200);
    const out = burnRegions(img, [
      region({ type: 'rect', rect: { cx: 100, cy: 100, width: 80, height: 20, angle: 30 } }),
      region({
        type: 'polygon',
        points: [
          { x: 10, y: 10 },
          { x: 60, y: 10 },
          { x: 10, y: 60 },
        ],
      }),
    ]);
    // Points along the rotated rectangle's axis, and inside the triangle.
    for (let t = -38; t <= 38; t += 2) {
      const x = Math.round(100 + t * Math.cos(Math.PI / 6));
      const y = Math.round(100 + t * Math.sin(Math.PI / 6));
      expect(pixelAt(out, x, y)).toEqual([0, 0, 0]);
    }
    expect(maxInBox(out, { x: 12, y: 12, width: 20, height: 20 })).toBe(0);
    expect(pixelAt(out, 150, 20)).toEqual([255, 255, 255]);
  });

  it('clips regions that reach past the image edge', () => {
    const img = whiteImage(40, 40);
    fillPolygon(img, [
      { x: -50, y: -50 },
      { x: 20, y: -50 },
      { x: 20, y: 20 },
      { x: -50, y: 20 },
    ]);
    expect(maxInBox(img, { x: 0, y: 0, width: 20, height: 20 })).toBe(0);
    expect(pixelAt(img, 30, 30)).toEqual([255, 255, 255]);
  });
});
