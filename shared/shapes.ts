import {
  boxToRect,
  polygonBounds,
  rectPoint,
  shapeToPolygon,
  type Box,
  type Point,
  type RotatedRect,
  type Shape,
} from './regions.ts';
import type { Quad } from './homography.ts';

// Turned rectangles and shapes as the review edits them and the service measures them: a
// document photographed at an angle gives regions that are not square to the image.

/**
 * A turned rectangle grown as `grow` grows an axis-aligned box of its size, along its own axes:
 * a margin drawn for a square box applied to a tilted one.
 */
export function growTurned(rect: RotatedRect, grow: (b: Box) => Box): RotatedRect {
  const g = grow({ x: 0, y: 0, width: rect.width, height: rect.height });
  // The grown box's centre moves as far as it moved in the square frame (a portrait grows more
  // below than above), along the rectangle's own axes.
  const c = rectPoint(
    rect,
    g.x + g.width / 2 - rect.width / 2,
    g.y + g.height / 2 - rect.height / 2,
  );
  return { cx: c.x, cy: c.y, width: g.width, height: g.height, angle: rect.angle };
}

/** The shape moved by dx, dy. */
export function moveShape(shape: Shape, dx: number, dy: number): Shape {
  if (shape.type === 'rect')
    return {
      type: 'rect',
      rect: { ...shape.rect, cx: shape.rect.cx + dx, cy: shape.rect.cy + dy },
    };
  return { type: 'polygon', points: shape.points.map((p) => ({ x: p.x + dx, y: p.y + dy })) };
}

/**
 * The shape grown by dw, dh along its own axes (a turned rectangle stays turned), keeping its
 * top-left corner where it was; never smaller than `min` pixels either way.
 */
export function resizeShape(shape: Shape, dw: number, dh: number, min = 8): Shape {
  // Growing from the top-left corner of the square frame.
  const grow = (b: Box): Box => ({
    ...b,
    width: Math.max(min, b.width + dw),
    height: Math.max(min, b.height + dh),
  });
  // A field seen in perspective keeps its four corners' lean.
  if (shape.type === 'polygon' && shape.points.length === 4)
    return { type: 'polygon', points: [...growQuad(shape.points as unknown as Quad, grow)] };
  const r = shape.type === 'rect' ? shape.rect : boxToRect(polygonBounds(shape.points));
  return { type: 'rect', rect: growTurned(r, grow) };
}

/** Even-odd rule: whether the point lies inside the polygon. */
export function pointInPolygon(p: Point, poly: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i] as Point;
    const b = poly[j] as Point;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

/** The points of a `grid` × `grid` lattice over the polygon's bounds that lie inside it. */
export function gridInside(poly: readonly Point[], grid = 12): Point[] {
  const b = polygonBounds(poly);
  const points: Point[] = [];
  for (let i = 0; i < grid; i++) {
    for (let j = 0; j < grid; j++) {
      const p = { x: b.x + ((i + 0.5) / grid) * b.width, y: b.y + ((j + 0.5) / grid) * b.height };
      if (pointInPolygon(p, poly)) points.push(p);
    }
  }
  return points;
}

/** Share of a shape (sampled on a grid) lying inside any of the other shapes. */
export function coveredShare(shape: Shape, by: readonly Shape[], grid = 12): number {
  const inside = gridInside(shapeToPolygon(shape), grid);
  const covers = by.map(shapeToPolygon);
  const hit = inside.filter((p) => covers.some((c) => pointInPolygon(p, c))).length;
  return inside.length === 0 ? 1 : hit / inside.length;
}

/**
 * A quadrilateral (a field as it lies on a photo, in its own frame's corner order) grown as
 * `grow` grows an upright box of its size: the grown box's corners are placed by bilinear
 * interpolation of the quad, extended past its edges. Exact for a turned rectangle; for a field
 * seen in perspective the error is a fraction of a pixel at the margins used.
 */
export function growQuad(quad: Quad, grow: (b: Box) => Box): Quad {
  const [tl, tr, br, bl] = quad;
  const w = (Math.hypot(tr.x - tl.x, tr.y - tl.y) + Math.hypot(br.x - bl.x, br.y - bl.y)) / 2;
  const h = (Math.hypot(bl.x - tl.x, bl.y - tl.y) + Math.hypot(br.x - tr.x, br.y - tr.y)) / 2;
  if (w === 0 || h === 0) return quad;
  const g = grow({ x: 0, y: 0, width: w, height: h });
  const at = (u: number, v: number): Point => ({
    x: (1 - v) * ((1 - u) * tl.x + u * tr.x) + v * ((1 - u) * bl.x + u * br.x),
    y: (1 - v) * ((1 - u) * tl.y + u * tr.y) + v * ((1 - u) * bl.y + u * br.y),
  });
  const [u0, u1] = [g.x / w, (g.x + g.width) / w];
  const [v0, v1] = [g.y / h, (g.y + g.height) / h];
  return [at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)];
}

/**
 * A found field's region shape, grown by `grow` along its own axes: its quadrilateral when it lies
 * tilted or in perspective (a polygon), else its upright box (a rectangle).
 */
export function grownShape(box: Box, quad: Quad | undefined, grow: (b: Box) => Box): Shape {
  return quad
    ? { type: 'polygon', points: [...growQuad(quad, grow)] }
    : { type: 'rect', rect: boxToRect(grow(box)) };
}
