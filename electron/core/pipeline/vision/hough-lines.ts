import type { Line as Straight } from './edge-fit.ts';
import { EDGE, type Edges } from './edges.ts';

// The Hough transform over two narrow bands of angles: the text's tilt is known, so a document's
// sides can only run within a perspective's lean of it or of its square. Hand-written for that
// reason (a general Hough in opencv.js would search every angle, and bring ~10 MB of WebAssembly).

/** A line of the Hough search, and how many edge pixels voted for it. */
export interface Line extends Straight {
  votes: number;
}

export const DEG = Math.PI / 180;
/** How far an edge may lean from the text's angle: perspective turns a card's sides by this. */
const FAMILY_WINDOW = 12 * DEG;
const BIN = 0.5 * DEG;
/** Pixels per distance bin: an edge blurred over a few pixels still votes into one or two bins. */
const RHO_BIN = 2;
/** Lines kept per direction; a card has two, the rest is text, table grain and clutter. */
const PEAKS = 24;
/** Angle folded into [t0 − π/2, t0 + π/2). */
function fold(a: number, t0: number): number {
  return a - Math.PI * Math.round((a - t0) / Math.PI);
}

/** The strongest lines whose normal lies within FAMILY_WINDOW of `t0`. */
export function houghLines(edges: Edges, t0: number): Line[] {
  const { width: w, height: h, magnitude, direction } = edges;
  const diag = Math.ceil(Math.hypot(w, h));
  const bins = Math.round((2 * FAMILY_WINDOW) / BIN) + 1;
  const rhos = Math.ceil((2 * diag) / RHO_BIN) + 1;
  const acc = new Float32Array(bins * rhos);
  const cos = Float64Array.from({ length: bins }, (_, i) => Math.cos(t0 - FAMILY_WINDOW + i * BIN));
  const sin = Float64Array.from({ length: bins }, (_, i) => Math.sin(t0 - FAMILY_WINDOW + i * BIN));
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if ((magnitude[i] ?? 0) < EDGE) continue;
      const a = fold(direction[i] ?? 0, t0);
      const bin = Math.round((a - (t0 - FAMILY_WINDOW)) / BIN);
      // The gradient's direction is only roughly the line's normal: vote a few bins either way.
      for (let b = Math.max(0, bin - 4); b <= Math.min(bins - 1, bin + 4); b++) {
        const rho = Math.round((x * (cos[b] ?? 0) + y * (sin[b] ?? 0) + diag) / RHO_BIN);
        acc[b * rhos + rho] = (acc[b * rhos + rho] ?? 0) + 1;
      }
    }
  }
  const lines: Line[] = [];
  const minVotes = 0.08 * Math.min(w, h);
  for (let k = 0; k < PEAKS; k++) {
    let best = -1;
    for (let i = 0; i < acc.length; i++) if (best < 0 || (acc[i] ?? 0) > (acc[best] ?? 0)) best = i;
    const votes = acc[best] ?? 0;
    if (votes < minVotes) break;
    const b = Math.floor(best / rhos);
    const r = best % rhos;
    lines.push({ t: t0 - FAMILY_WINDOW + b * BIN, rho: r * RHO_BIN - diag, votes });
    // Suppress the peak's neighbourhood: the same edge at a slightly different angle or offset.
    for (let bb = Math.max(0, b - 6); bb <= Math.min(bins - 1, b + 6); bb++)
      for (let rr = Math.max(0, r - 4); rr <= Math.min(rhos - 1, r + 4); rr++)
        acc[bb * rhos + rr] = 0;
  }
  return lines.sort((p, q) => p.rho - q.rho);
}
