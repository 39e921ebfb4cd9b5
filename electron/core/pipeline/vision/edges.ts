import { RAW_CHANNELS, type RawImage } from '../raw-image.ts';

/** A pixel is an edge above this colour change (grey levels across one pixel). */
export const EDGE = 3;

/** Colour edges: per pixel, the strongest channel's Sobel gradient. */
export interface Edges {
  width: number;
  height: number;
  /** Gradient magnitude (Sobel, divided by 4: a step of 1 grey level gives 1). */
  magnitude: Float32Array;
  /** Direction the colour changes fastest, radians in (−π, π]. */
  direction: Float32Array;
}

/**
 * Sobel gradients of a small RGB image, taking at each pixel the channel that changes most: a
 * pink card on white paper differs in one channel only. Hand-written: sharp can convolve, but
 * not return signed gradients per channel, and a 3×3 Sobel is a few lines.
 */
export function colourEdges(img: RawImage): Edges {
  const { width: w, height: h, data } = img;
  const C = RAW_CHANNELS;
  const magnitude = new Float32Array(w * h);
  const direction = new Float32Array(w * h);
  const at = (x: number, y: number, c: number) => data[(y * w + x) * C + c] ?? 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      let best = 0;
      let bx = 0;
      let by = 0;
      for (let c = 0; c < C; c++) {
        const gx =
          at(x + 1, y - 1, c) +
          2 * at(x + 1, y, c) +
          at(x + 1, y + 1, c) -
          at(x - 1, y - 1, c) -
          2 * at(x - 1, y, c) -
          at(x - 1, y + 1, c);
        const gy =
          at(x - 1, y + 1, c) +
          2 * at(x, y + 1, c) +
          at(x + 1, y + 1, c) -
          at(x - 1, y - 1, c) -
          2 * at(x, y - 1, c) -
          at(x + 1, y - 1, c);
        const m = gx * gx + gy * gy;
        if (m > best) [best, bx, by] = [m, gx, gy];
      }
      magnitude[y * w + x] = Math.sqrt(best) / 4;
      direction[y * w + x] = Math.atan2(by, bx);
    }
  }
  return { width: w, height: h, magnitude, direction };
}
