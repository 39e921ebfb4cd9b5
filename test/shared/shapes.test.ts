import { describe, expect, it } from 'vitest';
import {
  polygonBounds,
  rectCorners,
  shapeToPolygon,
  type RotatedRect,
} from '../../shared/regions.ts';
import {
  growTurned,
  moveShape,
  pointInPolygon,
  rectWithinBounds,
  resizeShape,
} from '../../shared/shapes.ts';

const rect: RotatedRect = { cx: 300, cy: 200, width: 180, height: 40, angle: 17 };

describe('turned regions', () => {
  it('recovers a turned rectangle from its bounds and its angle', () => {
    for (const angle of [-20, -7.5, 0, 3, 17, 22]) {
      const r = { ...rect, angle };
      const back = rectWithinBounds(polygonBounds(rectCorners(r)), angle);
      for (const k of ['cx', 'cy', 'width', 'height'] as const)
        expect(back[k], `${k} at ${angle}°`).toBeCloseTo(r[k], 6);
    }
  });

  it('tells points inside a turned rectangle from points in the corners of its bounds', () => {
    const poly = rectCorners(rect);
    const b = polygonBounds(poly);
    expect(pointInPolygon({ x: rect.cx, y: rect.cy }, poly)).toBe(true);
    expect(pointInPolygon({ x: b.x + 2, y: b.y + 2 }, poly)).toBe(false);
  });

  it('moves and resizes a turned box along its own axes, keeping its angle and corner', () => {
    const moved = moveShape({ type: 'rect', rect }, 10, -5);
    expect(moved).toEqual({ type: 'rect', rect: { ...rect, cx: 310, cy: 195 } });
    const grown = resizeShape({ type: 'rect', rect }, 20, 10);
    expect(grown.type === 'rect' && grown.rect).toMatchObject({
      width: 200,
      height: 50,
      angle: 17,
    });
    // The top-left corner stays where it was.
    const [before] = rectCorners(rect);
    const [after] = shapeToPolygon(grown);
    expect(after!.x).toBeCloseTo(before!.x, 6);
    expect(after!.y).toBeCloseTo(before!.y, 6);
    // Never smaller than 8 px.
    const tiny = resizeShape({ type: 'rect', rect }, -500, -500);
    expect(tiny.type === 'rect' && [tiny.rect.width, tiny.rect.height]).toEqual([8, 8]);
  });
});

describe('growing a turned rectangle', () => {
  it('grows along its own axes: an even margin keeps the centre, an uneven one moves it', () => {
    const r: RotatedRect = { cx: 100, cy: 100, width: 40, height: 20, angle: 90 };
    const even = growTurned(r, (b) => ({ ...b, x: b.x - 5, width: b.width + 10 }));
    expect(even).toEqual({ cx: 100, cy: 100, width: 50, height: 20, angle: 90 });
    // 10 px more below than above, in the rectangle's frame: turned 90°, "below" is to the left.
    const uneven = growTurned(r, (b) => ({ ...b, height: b.height + 10 }));
    expect(uneven.cx).toBeCloseTo(95, 6);
    expect(uneven.cy).toBeCloseTo(100, 6);
    expect(uneven.height).toBe(30);
  });
});
