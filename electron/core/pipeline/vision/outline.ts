import type { Quad } from '../../../../shared/homography.ts';
import { distance, type Point } from '../../../../shared/regions.ts';
import { pointInPolygon } from '../../../../shared/shapes.ts';
import type { RawImage } from '../raw-image.ts';
import { colourEdges, EDGE, type Edges } from './edges.ts';
import { DEG, houghLines, type Line } from './hough-lines.ts';
import { sidesAround, textBetween } from './edge-leans.ts';
import { fitEdge, type Line as Straight } from './edge-fit.ts';
import { toGray } from './gray.ts';
import { binarize, darkness, smallParts } from './morphology.ts';
import { resizeRaw } from './resize.ts';

// Finds a document's four edges on a photo: straight lines of colour change that run with the
// text (within a perspective's lean of it) and close into a card- or page-shaped quadrilateral.
// Hand-written: the usual way (OpenCV's contours or Hough lines) needs opencv.js, some 10 MB of
// WebAssembly and about a second to start; this needs a Hough accumulator over two narrow bands
// of angles, because the text lines' angle is known already.

/** Every side of a document's outline shows an edge along at least this share of its length. */
const MIN_SUPPORT = 0.6;
/** An edge runs with a line when its gradient is within about 20° of the line's normal (sine). */
const ALIGNED = 0.35;
/** Long side over short side, seen in perspective: ID-1 cards 1.59, passport pages 1.42. */
const ASPECT = [1.2, 1.9] as const;
/** Ink in the ring just outside a document's outline, at most this share of the ink inside. */
const RING_INK = 0.08;
/**
 * A document alone on a table holds at least this share of the photo's ink (the rest is the
 * edges of things lying beside it); with less, even a little ink right round it
 * (NEIGHBOUR_RING) is another document's print.
 */
const LONE_SHARE = 0.75;
const NEIGHBOUR_RING = 0.03;
/** Each corner at least this share of the photo inside its edges. */
const TABLE_ROOM = 0.02;

function meet(p: Straight, q: Straight): Point | null {
  const det = Math.cos(p.t) * Math.sin(q.t) - Math.sin(p.t) * Math.cos(q.t);
  if (Math.abs(det) < 1e-6) return null;
  return {
    x: (p.rho * Math.sin(q.t) - q.rho * Math.sin(p.t)) / det,
    y: (q.rho * Math.cos(p.t) - p.rho * Math.cos(q.t)) / det,
  };
}

/** Running counts along a line of where an edge runs with it, for each way the colour steps. */
interface Profile {
  from: number;
  /** Edges darker on the side the line's normal points to, and lighter. */
  counts: [Uint32Array, Uint32Array];
}

/**
 * Along the whole line, where an edge runs parallel to it (within 2 px either side), as running
 * counts: a side between any two corners is then measured in constant time. The two ways the
 * colour can step are counted apart: a document's edge steps one way all along (card to table),
 * the stripes of wood grain or fabric step both ways in turn.
 */
function profile(edges: Edges, line: Line): Profile {
  const { width: w, height: h, magnitude, direction } = edges;
  const diag = Math.ceil(Math.hypot(w, h));
  const ux = -Math.sin(line.t);
  const uy = Math.cos(line.t);
  const bx = line.rho * Math.cos(line.t);
  const by = line.rho * Math.sin(line.t);
  const counts: Profile['counts'] = [new Uint32Array(2 * diag + 2), new Uint32Array(2 * diag + 2)];
  for (let s = -diag; s <= diag; s++) {
    const hit = [0, 0];
    for (let d = -2; d <= 2; d++) {
      const x = Math.round(bx + ux * s + uy * d);
      const y = Math.round(by + uy * s - ux * d);
      if (x < 0 || y < 0 || x >= w || y >= h) continue;
      const i = y * w + x;
      const off = (direction[i] ?? 0) - line.t;
      if ((magnitude[i] ?? 0) < EDGE || Math.abs(Math.sin(off)) >= ALIGNED) continue;
      hit[Math.cos(off) > 0 ? 0 : 1] = 1;
    }
    for (const k of [0, 1] as const)
      counts[k][s + diag + 1] = (counts[k][s + diag] ?? 0) + (hit[k] ?? 0);
  }
  return { from: -diag, counts };
}

/** Share of the line between points `a` and `b` (both on it) edged one way along it. */
function support(line: Line, p: Profile, a: Point, b: Point): number {
  const along = (q: Point) => -q.x * Math.sin(line.t) + q.y * Math.cos(line.t);
  const [s0, s1] = [along(a), along(b)].sort((m, n) => m - n) as [number, number];
  const i0 = Math.max(0, Math.round(s0) - p.from);
  const i1 = Math.min(p.counts[0].length - 1, Math.round(s1) - p.from);
  if (i1 - i0 < 4) return 0;
  const share = (c: Uint32Array) => ((c[i1] ?? 0) - (c[i0] ?? 0)) / (i1 - i0);
  return Math.max(share(p.counts[0]), share(p.counts[1]));
}

/** The quad scaled by `k` about its centre. */
function scaled(q: Quad, k: number): Quad {
  const cx = (q[0].x + q[1].x + q[2].x + q[3].x) / 4;
  const cy = (q[0].y + q[1].y + q[2].y + q[3].y) / 4;
  return q.map((p) => ({ x: cx + (p.x - cx) * k, y: cy + (p.y - cy) * k })) as unknown as Quad;
}

/**
 * Whether the quad holds the document's print rather than cutting through it: little ink in a
 * ring just outside it, against what lies inside. A portrait's frame or a block of text can be
 * edged all round too, but the rest of the card's print lies right around it. Measured on the
 * real specimens too, where two cards side by side or one above the other must not be cut
 * apart: detection sees only what lies in the outline.
 */
function holdsThePrint(q: Quad, ink: readonly Point[], letters: readonly Point[]): boolean {
  const all = inkAround(q, ink);
  // Another document beside this one (a card's front and back side by side, a second card
  // above it, the facing page of a passport): much of the ink outside, some of it right round.
  // Unless not one character lies right round: that ink is a pen or a ruler by a lone card.
  const another =
    all.share < LONE_SHARE && all.round >= NEIGHBOUR_RING && inkAround(q, letters).round > 0;
  return all.share >= 0.4 && all.round <= RING_INK && !another;
}

/** Share of the ink inside the quad, and the ink in a ring just outside it against that inside. */
function inkAround(q: Quad, ink: readonly Point[]): { share: number; round: number } {
  const near = scaled(q, 1.04);
  const ring = scaled(q, 1.35);
  let inside = 0;
  let outside = 0;
  for (const p of ink) {
    if (pointInPolygon(p, q)) inside++;
    else if (!pointInPolygon(p, near) && pointInPolygon(p, ring)) outside++;
  }
  return { share: inside / Math.max(1, ink.length), round: outside / Math.max(1, inside) };
}

/**
 * The document's outline on the image the edges come from, corners in the order of the text's
 * frame (top-left first as the text leans `skew` degrees), or null when no quadrilateral of a
 * document's shape is edged all round (the document fills the frame, runs off it, or lies on a
 * surface of its own colour).
 */
export function findOutline(
  edges: Edges,
  ink: readonly Point[],
  skew: number,
  letters: readonly Point[] = ink,
): Quad | null {
  const { width: w, height: h } = edges;
  const s = skew * DEG;
  const across = houghLines(edges, s + Math.PI / 2);
  const down = houghLines(edges, s);
  const profiles = new Map([...across, ...down].map((line) => [line, profile(edges, line)]));
  const side = (line: Line, p: Point, q: Point) => {
    const counts = profiles.get(line);
    return counts ? support(line, counts, p, q) : 0;
  };
  // The table shows round the whole document: a document filling the frame (a scan, a crop)
  // has no perspective to undo, and lines there are as likely the print's as its edge.
  const room = TABLE_ROOM * Math.max(w, h);
  const inside = (p: Point) => p.x >= room && p.y >= room && p.x <= w - room && p.y <= h - room;
  const best: { quad: Quad; sides: [Line, Line, Line, Line]; score: number; area: number }[] = [];
  for (let i = 0; i < across.length; i++)
    for (let j = i + 1; j < across.length; j++)
      for (let k = 0; k < down.length; k++)
        for (let l = k + 1; l < down.length; l++) {
          const [top, bottom, left, right] = [across[i], across[j], down[k], down[l]];
          if (!top || !bottom || !left || !right) continue;
          const corners = [
            meet(top, left),
            meet(top, right),
            meet(bottom, right),
            meet(bottom, left),
          ];
          if (corners.some((c) => !c || !inside(c))) continue;
          const [tl, tr, br, bl] = corners as [Point, Point, Point, Point];
          const wide = (distance(tl, tr) + distance(bl, br)) / 2;
          const high = (distance(tl, bl) + distance(tr, br)) / 2;
          const aspect = Math.max(wide, high) / Math.min(wide, high);
          if (aspect < ASPECT[0] || aspect > ASPECT[1] || wide * high < 0.08 * w * h) continue;
          if (!textBetween(top, bottom, s) || !sidesAround(left, right, s)) continue;
          const sides = [
            side(top, tl, tr),
            side(right, tr, br),
            side(bottom, br, bl),
            side(left, bl, tl),
          ];
          if (Math.min(...sides) < MIN_SUPPORT) continue;
          const score = (sides.reduce((a, b) => a + b, 0) / 4 + Math.min(...sides)) / 2;
          best.push({
            quad: [tl, tr, br, bl],
            sides: [top, right, bottom, left],
            score,
            area: wide * high,
          });
        }
  // Best edged first; of two about as well edged, the larger (an inner line, a row of text or a
  // photo's frame, can close a smaller quad nearly as well).
  best.sort((a, b) => (Math.abs(a.score - b.score) < 0.02 ? b.area - a.area : b.score - a.score));
  const found = best.slice(0, 20).find((b) => holdsThePrint(b.quad, ink, letters));
  return found ? refined(edges, found.quad, found.sides) : null;
}

/**
 * The quad with each side fitted to its edge to a fraction of a pixel and degree (the search's
 * steps are half a degree and two pixels); a side too faint to fit keeps the search's line.
 */
function refined(edges: Edges, q: Quad, sides: readonly Straight[]): Quad {
  const [tl, tr, br, bl] = q;
  const ends: [Point, Point][] = [
    [tl, tr],
    [tr, br],
    [br, bl],
    [bl, tl],
  ];
  const [top, right, bottom, left] = sides.map(
    (line, i) => fitEdge(edges, ...(ends[i] as [Point, Point]), line) ?? line,
  ) as [Straight, Straight, Straight, Straight];
  const corners = [meet(top, left), meet(top, right), meet(bottom, right), meet(bottom, left)];
  return corners.every((c) => c) ? (corners as unknown as Quad) : q;
}

/** Working size: a card's edge is still a clear line, and the search takes some 100 ms. */
const LONG_SIDE = 512;
/** Ink: this much darker than its surroundings (print, not table grain or shading). */
const INK = 80;
/** The longest side of a character at the working size, in pixels. */
const LETTER_SIZE = 20;

/** A document's outline on a photo. */
export interface Outline {
  /** Corners in the photo's pixels (see findOutline). */
  quad: Quad;
  /**
   * Nearly all the photo's print lies inside it: nothing but the table round it. Otherwise
   * something else printed lies beside it (a second card, a letter), which must be searched too.
   */
  alone: boolean;
}

/** Share of the photo's ink inside an outline that lies alone on the table. */
const ALONE = 0.9;

/** The document's outline on `img` (see findOutline), or null. */
export async function documentOutline(img: RawImage, skew: number): Promise<Outline | null> {
  const small = await resizeRaw(img, LONG_SIDE);
  const { gray } = await toGray(small, LONG_SIDE);
  const dark = darkness(gray, 2, 2);
  // Darkness is whole grey levels: above INK − 1 is at least INK.
  const inked = binarize(dark, INK - 1);
  const letter = smallParts(inked, dark.width, dark.height, LETTER_SIZE);
  const ink: Point[] = [];
  const letters: Point[] = [];
  for (let y = 0; y < dark.height; y += 2)
    for (let x = 0; x < dark.width; x += 2) {
      if (!inked[y * dark.width + x]) continue;
      ink.push({ x, y });
      if (letter[y * dark.width + x]) letters.push({ x, y });
    }
  const quad = findOutline(colourEdges(small), ink, skew, letters);
  if (!quad) return null;
  // Ink right at the edge is the table's side of it (darker than the card beside it).
  const near = scaled(quad, 1.04);
  const inside = ink.filter((p) => pointInPolygon(p, quad)).length;
  const beyond = ink.filter((p) => !pointInPolygon(p, near)).length;
  const k = img.width / small.width;
  return {
    quad: quad.map((p) => ({ x: p.x * k, y: p.y * k })) as unknown as Quad,
    alone: inside >= ALONE * (inside + beyond),
  };
}
