import type { Point } from '../../../../shared/regions.ts';
import type { Edges } from './edges.ts';

/** A straight line x·cos(t) + y·sin(t) = rho. */
export interface Line {
  t: number;
  rho: number;
}

/** How far either side of a found side its true edge is looked for, in pixels. */
const REACH = 4;

/**
 * The straight line that best fits the edge running near the segment from `a` to `b`: at each
 * pixel along it, the strongest gradient across it (to a fraction of a pixel), then a least-
 * squares line through those points, refitted without the outliers (a letter touching the edge,
 * a scratch). Hand-written: the Hough search that finds the side works in half-degree steps, and
 * a photo's document outline must be finer than that to place its fields. Null when too little
 * of the segment is edged to fit.
 */
export function fitEdge(edges: Edges, a: Point, b: Point, near: Line): Line | null {
  const { width: w, height: h, magnitude } = edges;
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
  const [nx, ny] = [Math.cos(near.t), Math.sin(near.t)];
  const at = (x: number, y: number) => {
    const [px, py] = [Math.round(x), Math.round(y)];
    return px < 0 || py < 0 || px >= w || py >= h ? 0 : (magnitude[py * w + px] ?? 0);
  };
  const points: Point[] = [];
  for (let s = 0.05 * len; s < 0.95 * len; s++) {
    const [cx, cy] = [a.x + ux * s, a.y + uy * s];
    const m = (d: number) => at(cx + nx * d, cy + ny * d);
    let best = -REACH;
    for (let d = -REACH; d <= REACH; d++) if (m(d) > m(best)) best = d;
    if (m(best) < 3) continue;
    // Parabola through the peak and its neighbours: the edge to a fraction of a pixel.
    const [l, c, r] = [m(best - 1), m(best), m(best + 1)];
    const curve = l - 2 * c + r;
    const d = best + (curve < 0 ? (0.5 * (l - r)) / curve : 0);
    points.push({ x: cx + nx * d, y: cy + ny * d });
  }
  let line = fit(points, near);
  if (!line) return null;
  for (let pass = 0; pass < 2 && line; pass++) {
    const l: Line = line;
    const kept = points.filter(
      (p) => Math.abs(p.x * Math.cos(l.t) + p.y * Math.sin(l.t) - l.rho) < 1.5,
    );
    if (kept.length < 0.5 * points.length) return line;
    line = fit(kept, near);
  }
  return line;
}

/** Total least squares: the line through the points' centre along their main direction. */
function fit(points: readonly Point[], near: Line): Line | null {
  if (points.length < 10) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let [sxx, sxy, syy] = [0, 0, 0];
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
  }
  // The normal is the direction of least spread.
  let t = 0.5 * Math.atan2(2 * sxy, sxx - syy) + Math.PI / 2;
  // Same way round as the line it refines.
  if (Math.cos(t - near.t) < 0) t += Math.PI;
  t = Math.atan2(Math.sin(t), Math.cos(t));
  if (Math.abs(Math.sin(t - near.t)) > Math.sin((3 * Math.PI) / 180)) return null;
  return { t, rho: mx * Math.cos(t) + my * Math.sin(t) };
}
