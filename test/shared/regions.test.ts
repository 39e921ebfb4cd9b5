import { describe, expect, it } from 'vitest';
import {
  boxToRect,
  growShape,
  overlapRatio,
  polygonBounds,
  rectCorners,
  shapeToPolygon,
} from '../../shared/regions.ts';

describe('region geometry', () => {
  it('turns a box into a rectangle with the same corners', () => {
    const corners = rectCorners(boxToRect({ x: 10, y: 20, width: 100, height: 40 }));
    expect(polygonBounds(corners)).toEqual({ x: 10, y: 20, width: 100, height: 40 });
  });
  it('rotates a rectangle about its centre', () => {
    const corners = rectCorners({ cx: 0, cy: 0, width: 20, height: 10, angle: 90 });
    const b = polygonBounds(corners);
    expect(b.width).toBeCloseTo(10);
    expect(b.height).toBeCloseTo(20);
  });
  it('grows shapes outward on every side', () => {
    const grown = polygonBounds(
      shapeToPolygon(
        growShape({ type: 'rect', rect: boxToRect({ x: 10, y: 10, width: 10, height: 10 }) }, 3),
      ),
    );
    expect(grown).toEqual({ x: 7, y: 7, width: 16, height: 16 });
    const tri = growShape(
      {
        type: 'polygon',
        points: [
          { x: 0, y: 0 },
          { x: 10, y: 0 },
          { x: 0, y: 10 },
        ],
      },
      2,
    );
    expect(polygonBounds(shapeToPolygon(tri)).width).toBeGreaterThan(10);
  });
  it('measures overlap relative to the smaller box', () => {
    expect(
      overlapRatio({ x: 0, y: 0, width: 10, height: 10 }, { x: 2, y: 2, width: 4, height: 4 }),
    ).toBe(1);
    expect(
      overlapRatio({ x: 0, y: 0, width: 10, height: 10 }, { x: 20, y: 0, width: 4, height: 4 }),
    ).toBe(0);
  });
});
