import { growShape, shapeToPolygon, type Point, type Region } from '../../../shared/regions.ts';
import { RAW_CHANNELS, type RawImage } from './raw-image.ts';

/** Extra black around every region, so a box drawn a hair too tight still hides its edge. */
export function safetyMargin(width: number, height: number): number {
  return Math.max(2, Math.round(Math.min(width, height) * 0.004));
}

/** x-ranges where the horizontal line at `y` lies inside the polygon (even-odd rule). */
function spansAt(poly: readonly Point[], y: number): [number, number][] {
  const xs: number[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i] as Point;
    const b = poly[(i + 1) % poly.length] as Point;
    if (a.y === b.y) continue;
    if (y >= Math.min(a.y, b.y) && y <= Math.max(a.y, b.y)) {
      xs.push(a.x + ((y - a.y) / (b.y - a.y)) * (b.x - a.x));
    }
  }
  xs.sort((p, q) => p - q);
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < xs.length; i += 2) spans.push([xs[i] as number, xs[i + 1] as number]);
  return spans;
}

/**
 * Writes opaque black into every pixel the polygon touches. Hand-written rather than an SVG
 * overlay: rasterisers anti-alias edges into grey, and we want every covered pixel exactly 0.
 * Each pixel row is sampled at its top, middle and bottom so slanted edges are covered too.
 */
export function fillPolygon(img: RawImage, poly: readonly Point[], value = 0): void {
  if (poly.length < 3) return;
  const ys = poly.map((p) => p.y);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(img.height - 1, Math.ceil(Math.max(...ys)));
  for (let y = y0; y <= y1; y++) {
    for (const sample of [y, y + 0.5, y + 1]) {
      for (const [xa, xb] of spansAt(poly, sample)) {
        const from = Math.max(0, Math.floor(xa));
        const to = Math.min(img.width - 1, Math.ceil(xb) - 1);
        if (to >= from) {
          img.data.fill(
            value,
            (y * img.width + from) * RAW_CHANNELS,
            (y * img.width + to + 1) * RAW_CHANNELS,
          );
        }
      }
    }
  }
}

/** Burns all regions into a copy of the image; the input pixels are left untouched. */
export function burnRegions(img: RawImage, regions: readonly Region[]): RawImage {
  const out: RawImage = { ...img, data: Buffer.from(img.data) };
  const margin = safetyMargin(img.width, img.height);
  for (const region of regions) fillPolygon(out, shapeToPolygon(growShape(region.shape, margin)));
  return out;
}
