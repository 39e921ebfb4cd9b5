import type { Point } from './regions.ts';

// A plane seen in perspective (a card photographed on a table) and its upright view are one
// projective map apart. Hand-written: the maths is a few lines, and the npm packages that solve
// it either bring a whole linear-algebra or computer-vision runtime or are unmaintained.

/** A 3×3 projective map, row by row, normalised so its last entry is 1. */
export type Homography = readonly number[];

/** A quadrilateral's corners in the order of its own frame: top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Point, Point, Point, Point];

/**
 * The homography taking the four `from` points onto the four `to` points (no three of either on
 * one line), solved by Gauss–Jordan elimination with partial pivoting on the 8×9 system.
 */
export function homography(from: readonly Point[], to: readonly Point[]): Homography {
  // Row-major 8×9 augmented matrix.
  const m = new Float64Array(8 * 9);
  const at = (r: number, c: number) => m[r * 9 + c] ?? 0;
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i] ?? { x: 0, y: 0 };
    const { x: u, y: v } = to[i] ?? { x: 0, y: 0 };
    m.set([x, y, 1, 0, 0, 0, -u * x, -u * y, u], 2 * i * 9);
    m.set([0, 0, 0, x, y, 1, -v * x, -v * y, v], (2 * i + 1) * 9);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(at(r, c)) > Math.abs(at(p, c))) p = r;
    const pivotRow = m.slice(p * 9, p * 9 + 9);
    m.copyWithin(p * 9, c * 9, c * 9 + 9);
    m.set(pivotRow, c * 9);
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = at(r, c) / at(c, c);
      for (let k = c; k < 9; k++) m[r * 9 + k] = at(r, k) - f * at(c, k);
    }
  }
  return [...Array.from({ length: 8 }, (_, i) => at(i, 8) / at(i, i)), 1];
}

export function applyHomography(h: Homography, p: Point): Point {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, k = 0, l = 1] = h;
  const w = g * p.x + k * p.y + l;
  return { x: (a * p.x + b * p.y + c) / w, y: (d * p.x + e * p.y + f) / w };
}

/** The corners of a `width` × `height` upright image, in Quad order. */
export function uprightCorners(width: number, height: number): Quad {
  return [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
}

/** The inverse map (the adjugate, normalised). */
export function invertHomography(h: Homography): Homography {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, k = 0, l = 1] = h;
  const inv = [
    e * l - f * k,
    c * k - b * l,
    b * f - c * e,
    f * g - d * l,
    a * l - c * g,
    c * d - a * f,
    d * k - e * g,
    b * g - a * k,
    a * e - b * d,
  ];
  const last = inv[8] ?? 1;
  return inv.map((v) => v / last);
}

/** The corners of `box` carried through `h`, in Quad order. */
export function quadThrough(
  h: Homography,
  box: { x: number; y: number; width: number; height: number },
): Quad {
  const { x, y, width: w, height: ht } = box;
  return uprightCorners(w, ht).map((p) =>
    applyHomography(h, { x: p.x + x, y: p.y + y }),
  ) as unknown as Quad;
}

/** a ∘ b: first b, then a. */
export function composeHomographies(a: Homography, b: Homography): Homography {
  const m = (i: number) => a[i] ?? 0;
  const n = (i: number) => b[i] ?? 0;
  const out: number[] = [];
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++)
      out.push(m(3 * r) * n(c) + m(3 * r + 1) * n(3 + c) + m(3 * r + 2) * n(6 + c));
  const last = out[8] ?? 1;
  return out.map((v) => v / last);
}
