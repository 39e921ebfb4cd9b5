import type { Point } from '../../shared/regions.ts';
import { fillPolygon } from '../../electron/core/pipeline/burn.ts';
import type { RawImage } from '../../electron/core/pipeline/raw-image.ts';

const isBlack = (img: RawImage, i: number) =>
  Math.max(img.data[i * 3] ?? 0, img.data[i * 3 + 1] ?? 0, img.data[i * 3 + 2] ?? 0) <= 24;

/** Indices of the pixels inside the polygon, rasterised with the burn's own scanline code. */
function pixelsIn(width: number, height: number, polygon: Point[]): number[] {
  const mask: RawImage = { data: Buffer.alloc(width * height * 3, 255), width, height, dpi: null };
  fillPolygon(mask, polygon);
  const out: number[] = [];
  for (let i = 0; i < width * height; i++) if (mask.data[i * 3] === 0) out.push(i);
  return out;
}

/** Fraction of the polygon's pixels that are black in the output. */
export function blackCoverage(output: RawImage, polygon: Point[]): number {
  const px = pixelsIn(output.width, output.height, polygon);
  return px.length === 0 ? 0 : px.filter((i) => isBlack(output, i)).length / px.length;
}

/** Fraction of the polygon's pixels that were not dark before and are black now (ink excluded). */
export function blackenedShare(input: RawImage, output: RawImage, polygon: Point[]): number {
  const px = pixelsIn(output.width, output.height, polygon).filter((i) => !isBlack(input, i));
  return px.length === 0 ? 0 : px.filter((i) => isBlack(output, i)).length / px.length;
}

/** A sensitive region counts as found when ≥ 98 % of its pixels are black. */
export const RECALL_THRESHOLD = 0.98;
/** An identity field counts as over-redacted when > 10 % of its pixels are blacked. */
export const OVER_REDACTION_THRESHOLD = 0.1;
