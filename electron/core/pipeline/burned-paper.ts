import type { Point } from '../../../shared/regions.ts';
import { gridInside } from '../../../shared/shapes.ts';
import { fillPolygon } from './burn.ts';
import { RAW_CHANNELS, type RawImage } from './raw-image.ts';

/** Darker than this in every channel is burned black. */
const BURNED = 24;
/** A region this black inside is burned through; one less is not trusted to be. */
const THROUGH = 0.98;

/** The share of a grid of points inside `poly` that are black on `img`. */
function blackShare(img: RawImage, poly: readonly Point[]): number {
  const inside = gridInside(poly).filter(
    (p) => p.x >= 0 && p.y >= 0 && p.x < img.width && p.y < img.height,
  );
  const black = inside.filter((p) => {
    const i = (Math.floor(p.y) * img.width + Math.floor(p.x)) * RAW_CHANNELS;
    return img.data.subarray(i, i + RAW_CHANNELS).every((v) => v < BURNED);
  }).length;
  return inside.length ? black / inside.length : 0;
}

/** The median grey along the polygon's outline, burns left out: the paper just beside a region. */
function greyAlong(img: RawImage, poly: readonly Point[]): number {
  const greys: number[] = [];
  for (const [i, a] of poly.entries()) {
    const b = poly[(i + 1) % poly.length] ?? a;
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 4));
    for (let k = 0; k < steps; k++) {
      const x = Math.floor(a.x + ((b.x - a.x) * k) / steps);
      const y = Math.floor(a.y + ((b.y - a.y) * k) / steps);
      if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
      const j = (y * img.width + x) * RAW_CHANNELS;
      const grey = img.data.subarray(j, j + RAW_CHANNELS).reduce((s, v) => s + v, 0) / RAW_CHANNELS;
      // Another region's black beside this one is not the paper around it.
      if (grey >= BURNED) greys.push(grey);
    }
  }
  greys.sort((p, q) => p - q);
  return Math.round(greys[greys.length >> 1] ?? 255);
}

/**
 * The copy with its burned regions painted as paper, for the MRZ band finder alone: the edges of
 * black boxes beside print smear into long bars that look like MRZ lines, and reading each such
 * band (a date beside a box's rim, up to three looks) took the self-check's MRZ reader a third
 * of a second a copy. Only print is left to be found; what shows of a half-covered MRZ stays.
 * A region is painted over (`cover`: its burn's margin and a pixel more) in the grey just around
 * it (`around`; white paint on a grey card drew rims of its own), and only where its own polygon
 * (`inner`) is burned through on the image: one the burn missed keeps whatever shows.
 */
export function burnedAsPaper(
  img: RawImage,
  regions: readonly {
    inner: readonly Point[];
    cover: readonly Point[];
    around: readonly Point[];
  }[],
): RawImage {
  const out: RawImage = { ...img, data: Buffer.from(img.data) };
  for (const r of regions)
    if (blackShare(img, r.inner) >= THROUGH) fillPolygon(out, r.cover, greyAlong(img, r.around));
  return out;
}
