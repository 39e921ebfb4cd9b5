import type { Gray } from './gray.ts';
import { binarize, darkness, otsu, smallParts } from './morphology.ts';

/** The steepest tilt looked for: phones on a table are held within about this of square. */
export const MAX_SKEW = 22;

/**
 * Score of one angle: how sharply the ink falls into horizontal rows once turned by it. Each ink
 * pixel is dropped into the row it would land on; lines of text at that angle make tall, narrow
 * peaks, so the sum of squared row counts is highest at the text's own angle.
 */
function rowPeakiness(xs: Int32Array, ys: Int32Array, n: number, degrees: number, rows: number) {
  const a = (degrees * Math.PI) / 180;
  const sin = Math.sin(a);
  const cos = Math.cos(a);
  // Counts, and their squares summed, are whole numbers well inside a double's exact range.
  const hist = new Int32Array(rows);
  const offset = rows / 2;
  for (let i = 0; i < n; i++) {
    const r = Math.round(-(xs[i] as number) * sin + (ys[i] as number) * cos + offset);
    if (r >= 0 && r < rows) hist[r] = (hist[r] as number) + 1;
  }
  let sum = 0;
  for (let r = 0; r < rows; r++) sum += (hist[r] as number) * (hist[r] as number);
  return sum;
}

/** A tilt is corrected only when turning by it sharpens the rows this much over square. */
const MIN_GAIN = 1.1;

/** What the ink says about the text lines on an image. */
export interface TextLines {
  /** Degrees (clockwise positive, within ±45) the lines lean from the nearest axis; 0 if unclear. */
  skew: number;
  /** Whether the lines run across the image or down it (a sideways document); null if unclear. */
  runs: 'across' | 'down' | null;
}

/** Rows this much sharper one way than the other say clearly which way the lines run. */
const DIRECTION_GAIN = 1.3;

/** The lean of the text lines only (see `readTextLines`). */
export function estimateSkew(gray: Gray): number {
  return readTextLines(gray).skew;
}

/**
 * How the text on the image lies, from the ink alone: lines that run across or, on a sideways
 * document, down the image, and how far they lean from that axis. A coarse sweep over every
 * direction, then a fine one around the best. Hand-written: no maintained npm package estimates
 * skew on raw pixels without a native OpenCV build, and this projection-profile search is a few
 * dozen lines.
 */
export function readTextLines(gray: Gray): TextLines {
  const dark = darkness(gray, 3, 3);
  const ink = binarize(dark, Math.max(40, otsu(dark)));
  const lines = linesOfInk(sampleInk(ink, gray.width, gray.height));
  const letterInk = sampleInk(
    smallParts(ink, gray.width, gray.height, LETTER_SIZE),
    gray.width,
    gray.height,
  );
  const letters = linesOfInk(letterInk);
  // Square, or unclear: a small card tilted on a table can be outweighed by a pen or a ruler
  // beside it (a licence at 19° read square). Its characters alone say how its lines lean.
  if (lines.skew === 0 && letters.skew !== 0 && letters.gain >= LETTERS_GAIN)
    return { skew: letters.skew, runs: letters.runs };
  // Tilted by a long straight edge rather than by the print: a shadow's edge across the whole
  // frame outweighed a small card's rows (a card lying square was turned 16° askew, and its
  // number went unread). The characters' rows, much less sharp at that tilt, overrule it.
  if (
    lines.skew !== 0 &&
    letters.runs !== null &&
    Math.abs(letters.skew - lines.skew) > 2 &&
    sharpness(letterInk, lines.skew) < LETTERS_OVERRULE * sharpness(letterInk, letters.skew)
  )
    return { skew: letters.skew, runs: letters.runs };
  return { skew: lines.skew, runs: lines.runs };
}

/** The characters' rows at another tilt must be at most this sharp, of their own best, to overrule it. */
const LETTERS_OVERRULE = 0.8;

/** The longest side (pixels at the 800 px scale) of a patch of ink taken for a character. */
const LETTER_SIZE = 30;

/** Characters alone must sharpen the rows this much over square to set the tilt. */
const LETTERS_GAIN = 1.3;

/** Centred coordinates of a sample of the set pixels: at most ~60k points keeps a sweep fast. */
interface InkSample {
  xs: Int32Array;
  ys: Int32Array;
  /** Points in the sample. */
  k: number;
  /** Set pixels in all. */
  n: number;
  /** Rows a turned sample can fall into: the image's diagonal. */
  rows: number;
}

function sampleInk(ink: Uint8Array, w: number, h: number): InkSample {
  let n = 0;
  for (let i = 0; i < ink.length; i++) n += ink[i] as number;
  const step = Math.max(1, Math.floor(n / 60_000));
  const xs = new Int32Array(Math.ceil(n / step));
  const ys = new Int32Array(Math.ceil(n / step));
  let k = 0;
  let seen = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!ink[y * w + x]) continue;
      if (seen++ % step === 0 && k < xs.length) {
        xs[k] = x - w / 2;
        ys[k] = y - h / 2;
        k++;
      }
    }
  }
  return { xs, ys, k, n, rows: Math.ceil(Math.hypot(w, h)) + 2 };
}

/** How sharply the sample falls into rows once turned by `degrees` (see `rowPeakiness`). */
function sharpness(ink: InkSample, degrees: number): number {
  return rowPeakiness(ink.xs, ink.ys, ink.k, degrees, ink.rows);
}

/** The lines' lean and direction from set pixels, with how much sharper they are than square. */
function linesOfInk(ink: InkSample): TextLines & { gain: number } {
  if (ink.n < 200) return { skew: 0, runs: null, gain: 0 };
  const score = (d: number) => sharpness(ink, d);
  const best = (from: number, to: number, by: number) => {
    let angle = from;
    let top = -1;
    for (let d = from; d <= to + 1e-9; d += by) {
      const s = score(d);
      if (s > top) [top, angle] = [s, d];
    }
    return { angle, top };
  };
  const coarse = best(-45, 134, 1);
  const fine = best(coarse.angle - 1, coarse.angle + 1, 0.2);
  const skew = ((((fine.angle + 45) % 90) + 90) % 90) - 45;
  // Rows form at the lines' own angle; turned a quarter further, the same ink spreads out.
  const down = Math.abs(fine.angle - 90) < 45;
  const clear = fine.top >= DIRECTION_GAIN * score(fine.angle + 90);
  const runs = clear ? (down ? 'down' : 'across') : null;
  const gain = fine.top / score(fine.angle - skew);
  if (Math.abs(skew) > MAX_SKEW || gain < MIN_GAIN) return { skew: 0, runs, gain };
  return { skew: Math.round(skew * 10) / 10, runs, gain };
}
