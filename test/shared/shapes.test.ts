import { describe, expect, it } from 'vitest';
import { homography, quadThrough, uprightCorners, type Quad } from '../../shared/homography.ts';
import {
  polygonBounds,
  rectCorners,
  shapeToPolygon,
  type Box,
  type RotatedRect,
} from '../../shared/regions.ts';
import {
  growQuad,
  growTurned,
  moveShape,
  pointInPolygon,
  resizeShape,
} from '../../shared/shapes.ts';

const rect: RotatedRect = { cx: 300, cy: 200, width: 180, height: 40, angle: 17 };

describe('turned regions', () => {
  it('grows a quadrilateral along its own axes as a turned rectangle grows', () => {
    const grow = (b: Box): Box => ({
      x: b.x - 5,
      y: b.y - 2,
      width: b.width + 10,
      height: b.height + 12,
    });
    const quad = rectCorners(rect) as unknown as Quad;
    const grown = growQuad(quad, grow);
    const expected = rectCorners(growTurned(rect, grow));
    grown.forEach((p, i) => {
      expect(p.x).toBeCloseTo(expected[i]?.x ?? NaN, 6);
      expect(p.y).toBeCloseTo(expected[i]?.y ?? NaN, 6);
    });
  });

  it('grows a field seen in perspective outward on every side, its edges still straight', () => {
    const toImage = homography(uprightCorners(100, 40), [
      { x: 210, y: 105 },
      { x: 300, y: 120 },
      { x: 296, y: 160 },
      { x: 205, y: 150 },
    ]);
    const field = quadThrough(toImage, { x: 0, y: 0, width: 100, height: 40 });
    const grown = growQuad(field, (b) => ({
      x: b.x - 4,
      y: b.y - 4,
      width: b.width + 8,
      height: b.height + 8,
    }));
    // Every corner of the field lies inside the grown quad, a few pixels from its edge.
    for (const p of field) expect(pointInPolygon(p, grown)).toBe(true);
    const b = polygonBounds([...field]);
    const g = polygonBounds([...grown]);
    expect(b.x - g.x).toBeGreaterThan(2);
    expect(g.x + g.width - (b.x + b.width)).toBeGreaterThan(2);
    expect(b.y - g.y).toBeGreaterThan(2);
    expect(g.y + g.height - (b.y + b.height)).toBeGreaterThan(2);
  });

  it('resizes a quadrilateral region keeping its lean', () => {
    const points = [...(rectCorners(rect) as unknown as Quad)];
    const resized = resizeShape({ type: 'polygon', points }, 20, 10);
    expect(resized.type).toBe('polygon');
    const q = shapeToPolygon(resized);
    const lean =
      (Math.atan2((q[1]?.y ?? 0) - (q[0]?.y ?? 0), (q[1]?.x ?? 0) - (q[0]?.x ?? 0)) * 180) /
      Math.PI;
    expect(lean).toBeCloseTo(17, 6);
    // The top-left corner stays where it was.
    expect(q[0]?.x).toBeCloseTo(points[0]?.x ?? NaN, 6);
    expect(q[0]?.y).toBeCloseTo(points[0]?.y ?? NaN, 6);
    expect(
      Math.hypot((q[1]?.x ?? 0) - (q[0]?.x ?? 0), (q[1]?.y ?? 0) - (q[0]?.y ?? 0)),
    ).toBeCloseTo(200, 6);
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
