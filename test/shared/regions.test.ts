import { describe, expect, it } from 'vitest';
import {
  boxToRect,
  growShape,
  growTurned,
  moveShape,
  overlapRatio,
  pointInPolygon,
  polygonBounds,
  rectCorners,
  rectWithinBounds,
  resizeShape,
  shapeToPolygon,
  type RotatedRect,
} from '../../shared/regions.ts';
import { parseRegionsFile } from '../../shared/regions-file.ts';
import { VkError } from '../../shared/errors.ts';

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

describe('regions file', () => {
  it('reads boxes and polygons with kinds and sides', () => {
    const regions = parseRegionsFile(
      JSON.stringify({
        regions: [
          { kind: 'manual', box: { x: 100, y: 100, width: 200, height: 80 } },
          {
            kind: 'mrz',
            side: 1,
            polygon: [
              [0, 0],
              [10, 0],
              [10, 10],
            ],
          },
        ],
      }),
    );
    expect(regions).toHaveLength(2);
    expect(regions[0]?.shape.type).toBe('rect');
    expect(regions[1]).toMatchObject({ kind: 'mrz', side: 1, source: 'manual' });
  });
  it.each([
    ['not json', '{'],
    ['no list', '{}'],
    ['bad kind', '{"regions":[{"kind":"nose","box":{"x":0,"y":0,"width":1,"height":1}}]}'],
    ['negative size', '{"regions":[{"box":{"x":0,"y":0,"width":-1,"height":1}}]}'],
    ['short polygon', '{"regions":[{"polygon":[[0,0],[1,1]]}]}'],
    ['no shape', '{"regions":[{"kind":"manual"}]}'],
    ['bad side', '{"regions":[{"side":3,"box":{"x":0,"y":0,"width":1,"height":1}}]}'],
  ])('rejects %s with INVALID_REGIONS', (_, json) => {
    expect(() => parseRegionsFile(json)).toThrow(VkError);
    try {
      parseRegionsFile(json);
    } catch (e) {
      expect((e as VkError).code).toBe('INVALID_REGIONS');
    }
  });
});

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
