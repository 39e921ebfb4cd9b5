/** The region model: what gets blacked out, typed once for pipeline, CLI and UI. */

export const REGION_KINDS = [
  'photo',
  'ghost_photo',
  'mrz',
  'document_number',
  'personal_number',
  'barcode',
  'signature',
  'manual',
] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export interface Point {
  x: number;
  y: number;
}

/** Axis-aligned box in displayed-image pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A rectangle turned by `angle` degrees (clockwise) about its centre. */
export interface RotatedRect {
  cx: number;
  cy: number;
  width: number;
  height: number;
  angle: number;
}

export type Shape = { type: 'rect'; rect: RotatedRect } | { type: 'polygon'; points: Point[] };

export type RegionSource = 'auto' | 'manual';

export interface Region {
  id: string;
  kind: RegionKind;
  shape: Shape;
  source: RegionSource;
  /** 0..1; manual regions are 1. */
  confidence: number;
  /** Short description for people ("MRZ, 2 lines"); never contains the hidden value. */
  label: string;
  /** 0 = front / first page, 1 = back. */
  side: number;
}

export function isRegionKind(value: unknown): value is RegionKind {
  return typeof value === 'string' && (REGION_KINDS as readonly string[]).includes(value);
}

export function boxToRect(box: Box, angle = 0): RotatedRect {
  return {
    cx: box.x + box.width / 2,
    cy: box.y + box.height / 2,
    width: box.width,
    height: box.height,
    angle,
  };
}

export function rectCorners(rect: RotatedRect): Point[] {
  const a = (rect.angle * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const hw = rect.width / 2;
  const hh = rect.height / 2;
  return [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ].map(([dx = 0, dy = 0]) => ({
    x: rect.cx + dx * cos - dy * sin,
    y: rect.cy + dx * sin + dy * cos,
  }));
}

export function shapeToPolygon(shape: Shape): Point[] {
  return shape.type === 'rect' ? rectCorners(shape.rect) : shape.points;
}

export function polygonBounds(points: readonly Point[]): Box {
  if (points.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * The rectangle turned by `angle` degrees whose axis-aligned bounds are `bounds`: the inverse of
 * polygonBounds(rectCorners(r)), exact for |angle| < 45.
 */
export function rectWithinBounds(bounds: Box, angle: number): RotatedRect {
  const a = (Math.abs(angle) * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const det = c * c - s * s;
  return {
    cx: bounds.x + bounds.width / 2,
    cy: bounds.y + bounds.height / 2,
    width: Math.max(0, (c * bounds.width - s * bounds.height) / det),
    height: Math.max(0, (c * bounds.height - s * bounds.width) / det),
    angle,
  };
}

/**
 * A turned rectangle grown as `grow` grows an axis-aligned box of its size, along its own axes:
 * a margin drawn for a square box applied to a tilted one.
 */
export function growTurned(rect: RotatedRect, grow: (b: Box) => Box): RotatedRect {
  const g = grow({ x: 0, y: 0, width: rect.width, height: rect.height });
  const a = (rect.angle * Math.PI) / 180;
  // How far the grown box's centre moved (a portrait grows more below than above).
  const dx = g.x + g.width / 2 - rect.width / 2;
  const dy = g.y + g.height / 2 - rect.height / 2;
  return {
    cx: rect.cx + dx * Math.cos(a) - dy * Math.sin(a),
    cy: rect.cy + dx * Math.sin(a) + dy * Math.cos(a),
    width: g.width,
    height: g.height,
    angle: rect.angle,
  };
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
  const r = shape.type === 'rect' ? shape.rect : boxToRect(polygonBounds(shape.points));
  const width = Math.max(min, r.width + dw);
  const height = Math.max(min, r.height + dh);
  const a = (r.angle * Math.PI) / 180;
  // Half the growth moves the centre, along the rectangle's own axes.
  const gx = (width - r.width) / 2;
  const gy = (height - r.height) / 2;
  return {
    type: 'rect',
    rect: {
      cx: r.cx + gx * Math.cos(a) - gy * Math.sin(a),
      cy: r.cy + gx * Math.sin(a) + gy * Math.cos(a),
      width,
      height,
      angle: r.angle,
    },
  };
}

/** Grows a shape by `margin` pixels on every side (a rect stays a rect; a polygon grows from its centroid). */
export function growShape(shape: Shape, margin: number): Shape {
  if (shape.type === 'rect') {
    const r = shape.rect;
    return {
      type: 'rect',
      rect: { ...r, width: r.width + 2 * margin, height: r.height + 2 * margin },
    };
  }
  const pts = shape.points;
  const c = pts.reduce((acc, p) => ({ x: acc.x + p.x / pts.length, y: acc.y + p.y / pts.length }), {
    x: 0,
    y: 0,
  });
  return {
    type: 'polygon',
    points: pts.map((p) => {
      const dx = p.x - c.x;
      const dy = p.y - c.y;
      const len = Math.hypot(dx, dy) || 1;
      return {
        x: p.x + (dx / len) * margin * Math.SQRT2,
        y: p.y + (dy / len) * margin * Math.SQRT2,
      };
    }),
  };
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

/** Share of a shape (sampled on a grid) lying inside any of the other shapes. */
export function coveredShare(shape: Shape, by: readonly Shape[], grid = 12): number {
  const poly = shapeToPolygon(shape);
  const b = polygonBounds(poly);
  const covers = by.map(shapeToPolygon);
  let inside = 0;
  let hit = 0;
  for (let i = 0; i < grid; i++) {
    for (let j = 0; j < grid; j++) {
      const p = { x: b.x + ((i + 0.5) / grid) * b.width, y: b.y + ((j + 0.5) / grid) * b.height };
      if (!pointInPolygon(p, poly)) continue;
      inside++;
      if (covers.some((c) => pointInPolygon(p, c))) hit++;
    }
  }
  return inside === 0 ? 1 : hit / inside;
}

export function boxArea(b: Box): number {
  return Math.max(0, b.width) * Math.max(0, b.height);
}

export function intersectBoxes(a: Box, b: Box): Box {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.width, b.x + b.width);
  const y2 = Math.min(a.y + a.height, b.y + b.height);
  return { x, y, width: Math.max(0, x2 - x), height: Math.max(0, y2 - y) };
}

export function unionBoxes(boxes: readonly Box[]): Box {
  return polygonBounds(
    boxes.flatMap((b) => [
      { x: b.x, y: b.y },
      { x: b.x + b.width, y: b.y + b.height },
    ]),
  );
}

/** Intersection over the smaller box: 1 when one box lies inside the other. */
export function overlapRatio(a: Box, b: Box): number {
  const small = Math.min(boxArea(a), boxArea(b));
  return small === 0 ? 0 : boxArea(intersectBoxes(a, b)) / small;
}

export function clampBox(b: Box, width: number, height: number): Box {
  const x = Math.max(0, Math.min(width, b.x));
  const y = Math.max(0, Math.min(height, b.y));
  return {
    x,
    y,
    width: Math.max(0, Math.min(width, b.x + b.width) - x),
    height: Math.max(0, Math.min(height, b.y + b.height) - y),
  };
}

export function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Checks a region that crossed a process boundary: every field typed and in range. */
export function isRegion(value: unknown): value is Region {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  const shape = r.shape as Record<string, unknown> | undefined;
  const shapeOk =
    !!shape &&
    ((shape.type === 'rect' &&
      !!shape.rect &&
      ['cx', 'cy', 'width', 'height', 'angle'].every((k) =>
        finite((shape.rect as Record<string, unknown>)[k]),
      )) ||
      (shape.type === 'polygon' &&
        Array.isArray(shape.points) &&
        shape.points.length >= 3 &&
        shape.points.length <= 64 &&
        shape.points.every(
          (p: unknown) => !!p && finite((p as Point).x) && finite((p as Point).y),
        )));
  return (
    shapeOk &&
    typeof r.id === 'string' &&
    r.id.length <= 64 &&
    isRegionKind(r.kind) &&
    (r.source === 'auto' || r.source === 'manual') &&
    finite(r.confidence) &&
    typeof r.label === 'string' &&
    r.label.length <= 200 &&
    (r.side === 0 || r.side === 1)
  );
}
