/** The region model: what gets blacked out, typed once for pipeline, CLI and UI. */
import { type Static, StringEnum, Type } from './schema.ts';

export const REGION_KINDS = [
  'photo',
  'ghost_photo',
  'mrz',
  'document_number',
  'personal_number',
  'barcode',
  'manual',
] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export const PointSchema = Type.Object(
  { x: Type.Number(), y: Type.Number() },
  { additionalProperties: false },
);
export type Point = Static<typeof PointSchema>;

/** Axis-aligned box in displayed-image pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A rectangle turned by `angle` degrees (clockwise) about its centre. */
export const RotatedRectSchema = Type.Object(
  {
    cx: Type.Number(),
    cy: Type.Number(),
    width: Type.Number(),
    height: Type.Number(),
    angle: Type.Number(),
  },
  { additionalProperties: false },
);
export type RotatedRect = Static<typeof RotatedRectSchema>;

export const ShapeSchema = Type.Union([
  Type.Object(
    { type: Type.Literal('rect'), rect: RotatedRectSchema },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('polygon'),
      points: Type.Array(PointSchema, { minItems: 3, maxItems: 64 }),
    },
    { additionalProperties: false },
  ),
]);
export type Shape = Static<typeof ShapeSchema>;

export type RegionSource = 'auto' | 'manual';

/** A region as it crosses a process boundary: every field typed and in range. */
export const RegionSchema = Type.Object(
  {
    id: Type.String({ maxLength: 64 }),
    kind: StringEnum(REGION_KINDS),
    shape: ShapeSchema,
    source: StringEnum(['auto', 'manual'] as const),
    /** 0..1; manual regions are 1. */
    confidence: Type.Number(),
    /** Short description for people ("MRZ, 2 lines"); never contains the hidden value. */
    label: Type.String({ maxLength: 200 }),
    /** 0 = front / first page, 1 = back. */
    side: Type.Integer({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);
export type Region = Static<typeof RegionSchema>;

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

/** The point `dx` along and `dy` across a turned rectangle's own axes from its centre. */
export function rectPoint(
  rect: Pick<RotatedRect, 'cx' | 'cy' | 'angle'>,
  dx: number,
  dy: number,
): Point {
  const a = (rect.angle * Math.PI) / 180;
  return {
    x: rect.cx + dx * Math.cos(a) - dy * Math.sin(a),
    y: rect.cy + dx * Math.sin(a) + dy * Math.cos(a),
  };
}

export function rectCorners(rect: RotatedRect): Point[] {
  const hw = rect.width / 2;
  const hh = rect.height / 2;
  return [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ].map(([dx = 0, dy = 0]) => rectPoint(rect, dx, dy));
}

export function shapeToPolygon(shape: Shape): Point[] {
  return shape.type === 'rect' ? rectCorners(shape.rect) : shape.points;
}

/** Straight-line distance between two points. */
export function distance(p: Point, q: Point): number {
  return Math.hypot(p.x - q.x, p.y - q.y);
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

/**
 * The box grown by `along` at both ends of its long side and `across` on both sides of its short
 * one, whichever way it lies (a line of text, or a number running down the page).
 */
export function growAlongAcross(box: Box, along: number, across: number): Box {
  const [dx, dy] = box.width >= box.height ? [along, across] : [across, along];
  return { x: box.x - dx, y: box.y - dy, width: box.width + 2 * dx, height: box.height + 2 * dy };
}

/** The middle half of the box each way, about its centre: where a face box holds the face. */
export function middleOf(b: Box): Box {
  return { x: b.x + b.width / 4, y: b.y + b.height / 4, width: b.width / 2, height: b.height / 2 };
}

/** The box in pixels `k` times as large (a working copy's pixels back to the image's, or on). */
export function scaleBox(b: Box, k: number): Box {
  return { x: b.x * k, y: b.y * k, width: b.width * k, height: b.height * k };
}

export function unionBoxes(boxes: readonly Box[]): Box {
  return polygonBounds(
    boxes.flatMap((b) => [
      { x: b.x, y: b.y },
      { x: b.x + b.width, y: b.y + b.height },
    ]),
  );
}

/** Whether the centre of `a` lies inside `b`. */
export function centreIn(a: Box, b: Box): boolean {
  const x = a.x + a.width / 2;
  const y = a.y + a.height / 2;
  return x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height;
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
