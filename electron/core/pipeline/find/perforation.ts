import { scaleBox, unionBoxes, type Box } from '../../../../shared/regions.ts';
import type { OcrLine } from '../ocr/text.ts';
import type { RawImage } from '../raw-image.ts';
import type { Gray } from '../vision/gray.ts';
import { toGray } from '../vision/gray.ts';
import { binarize, components, darkness, type Component } from '../vision/morphology.ts';
import { median } from '../vision/stats.ts';
import { cleanPrintAcross } from './clean-print.ts';
import type { Finding } from './finding.ts';

// A number laser-perforated through the pages (the Dutch passport's document number, down the
// right edge of the data page) is made of small round holes, not strokes: OCR reads nothing there
// and no label stands beside it. It is found by its holes instead: many dots of one size, close
// together, filling a long narrow strip. Hand-written because no maintained npm package finds
// dot patterns without OpenCV; it reuses the morphology already here.

/** Fewest holes that make a perforated number (a 9-character number has several hundred). */
const MIN_DOTS = 40;
/** A number runs along one axis: its strip is at least this many times longer than wide. */
const MIN_ELONGATION = 2.5;

interface Dot {
  cx: number;
  cy: number;
  size: number;
  box: Box;
}

/** Small, round, solid blobs: candidate holes. */
function dotsOf(found: readonly Component[], maxSize: number): Dot[] {
  return found
    .filter((c) => {
      const { width: w, height: h } = c.box;
      const size = Math.max(w, h);
      return size >= 2 && size <= maxSize && size <= 2 * Math.min(w, h) && c.pixels >= 0.6 * w * h;
    })
    .map((c) => ({
      cx: c.box.x + c.box.width / 2,
      cy: c.box.y + c.box.height / 2,
      size: Math.max(c.box.width, c.box.height),
      box: c.box,
    }));
}

/** Dots whose centres lie within `reach` of dot `i`, found through a grid of that cell size. */
function near(dots: readonly Dot[], grid: Map<string, number[]>, reach: number, i: number) {
  const d = dots[i] as Dot;
  const out: [j: number, dist: number][] = [];
  const gx = Math.floor(d.cx / reach);
  const gy = Math.floor(d.cy / reach);
  for (let x = gx - 1; x <= gx + 1; x++)
    for (let y = gy - 1; y <= gy + 1; y++)
      for (const j of grid.get(`${x},${y}`) ?? []) {
        const o = dots[j] as Dot;
        const dist = Math.hypot(o.cx - d.cx, o.cy - d.cy);
        if (j !== i && dist <= reach) out.push([j, dist]);
      }
  return out;
}

/**
 * Groups the dots of one perforated number (single link). Two dots link when they are closer
 * than 2.6 times the nearer spacing either has to its own neighbour: the holes of a glyph are a
 * pitch apart and the glyphs two or three, whatever the photo's scale.
 */
function clusters(
  dots: readonly Dot[],
  reach: number,
): { groups: Dot[][]; spacing: Map<Dot, number> } {
  const parent = dots.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const grid = new Map<string, number[]>();
  dots.forEach((d, i) => {
    const k = `${Math.floor(d.cx / reach)},${Math.floor(d.cy / reach)}`;
    grid.set(k, [...(grid.get(k) ?? []), i]);
  });
  const neighbours = dots.map((_, i) => near(dots, grid, reach, i));
  const spacing = neighbours.map((n) => Math.min(reach, ...n.map(([, dist]) => dist)));
  neighbours.forEach((n, i) => {
    for (const [j, dist] of n)
      if (dist <= 3.5 * Math.min(spacing[i] as number, spacing[j] as number))
        parent[root(j)] = root(i);
  });
  const groups = new Map<number, Dot[]>();
  dots.forEach((d, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), d]));
  return {
    groups: [...groups.values()],
    spacing: new Map(dots.map((d, i) => [d, spacing[i] as number])),
  };
}

/** Length and width of a cloud of points along its own axes (any tilt), as a uniform strip. */
function axes(group: readonly Dot[]) {
  const n = group.length;
  const mx = group.reduce((a, d) => a + d.cx, 0) / n;
  const my = group.reduce((a, d) => a + d.cy, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const d of group) {
    sxx += (d.cx - mx) ** 2;
    syy += (d.cy - my) ** 2;
    sxy += (d.cx - mx) * (d.cy - my);
  }
  const mean = (sxx + syy) / (2 * n);
  const spread = Math.sqrt(((sxx - syy) / (2 * n)) ** 2 + (sxy / n) ** 2);
  return {
    // A uniform spread of width w has standard deviation w / √12.
    length: Math.sqrt(12 * (mean + spread)),
    width: Math.sqrt(12 * Math.max(0, mean - spread)),
  };
}

/** Share of values within `tolerance` (relative) of their median. */
function alikeShare(values: readonly number[], tolerance: number): number {
  const typical = median(values);
  const near = values.filter((v) => Math.abs(v - typical) <= Math.max(1, tolerance * typical));
  return near.length / values.length;
}

/**
 * A strip of holes punched alike and evenly spaced, long and narrow, densely filled: a perforated
 * number. Noise and texture come in every size and spacing; printed strokes are not round.
 */
function perforatedStrip(group: readonly Dot[], spacing: ReadonlyMap<Dot, number>): Box | null {
  if (group.length < MIN_DOTS) return null;
  if (
    alikeShare(
      group.map((d) => d.size),
      0.35,
    ) < 0.75
  )
    return null;
  if (
    alikeShare(
      group.map((d) => spacing.get(d) ?? 0),
      0.3,
    ) < 0.7
  )
    return null;
  const size = median(group.map((d) => d.size));
  const { length, width } = axes(group);
  if (length < MIN_ELONGATION * width) return null;
  // Each glyph is many holes, so the strip is many holes wide and holds dozens of them per
  // square of its width; a line of small print is one glyph wide, one blob per glyph.
  if (width < 4 * size || group.length < (8 * length) / width) return null;
  const box = unionBoxes(group.map((d) => d.box));
  return box;
}

/** Perforated strips on a grey image, in its own pixels. */
export function findPerforatedStrips(gray: Gray): Box[] {
  const dark = darkness(gray, 3, 3);
  const bin = binarize(dark, 45);
  // A hole is about 0.4 mm across; even a card filling the frame (85.6 mm) shows it at most at
  // this size: larger round blobs are the letters of small print in a small image.
  const maxHole = Math.max(3, Math.round(Math.max(gray.width, gray.height) / 190));
  const dots = dotsOf(components(bin, gray.width, gray.height, 2), maxHole);
  if (dots.length < MIN_DOTS) return [];
  const { groups, spacing } = clusters(dots, 8 * maxHole);
  return groups.map((g) => perforatedStrip(g, spacing)).filter((b): b is Box => b !== null);
}

/**
 * Numbers perforated into the document, blacked out as document numbers (there is nothing to
 * read). A strip that page OCR reads as clean lines of print is print, not holes.
 */
export async function findPerforations(
  img: RawImage,
  lines: readonly OcrLine[],
): Promise<Finding[]> {
  const { gray, scale } = await toGray(img, Math.min(2400, Math.max(img.width, img.height)));
  const strips = findPerforatedStrips(gray).map((strip) => scaleBox(strip, 1 / scale));
  return strips
    .filter((b) => !cleanPrintAcross(b, lines))
    .map((b) => {
      const pad = 0.25 * Math.min(b.width, b.height);
      return {
        kind: 'document_number',
        box: { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad },
        confidence: 0.75,
        via: 'perforation',
      };
    });
}
