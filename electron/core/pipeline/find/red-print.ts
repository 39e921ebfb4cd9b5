import { foldConfusables } from '../../../../shared/numbers/ocr-confusion.ts';
import {
  centreIn,
  growAlongAcross,
  overlapRatio,
  scaleBox,
  unionBoxes,
  type Box,
  type RegionKind,
} from '../../../../shared/regions.ts';
import type { OcrEngine } from '../ocr/engine.ts';
import { RAW_CHANNELS, type RawImage } from '../raw-image.ts';
import { cropForOcr, cropRaw, fromCrop, pixelBox } from '../vision/crop.ts';
import type { Gray } from '../vision/gray.ts';
import { components, maxFilter, minFilter, setShare, smearRows } from '../vision/morphology.ts';
import { resizeRaw } from '../vision/resize.ts';
import type { Finding } from './finding.ts';
import { findNumbers, type KnownValues } from './numbers.ts';

/** Working size for finding lines of coloured ink: a serial's strokes still show. */
const LONG_SIDE = 1000;
/** How much redder than grey a pixel of red print is, at least (of 255). */
const RED = 24;
/** Lines read per page at most: each costs one or two OCR calls (about 60 ms each). */
const MAX_LINES = 4;
/**
 * A red line's box is enlarged to about this height (pixels) for the readers: a blurred serial
 * read at 60 or 120 px came out garbled, at 80 px within two edits of its value.
 */
const CHARACTER = 80;
/**
 * How far past the document's bounds (a share of its size) a red line may lie: the bounds are
 * estimated from the MRZ band, a few millimetres off on a photo.
 */
const PAST_EDGE = 0.12;

/** Finds a red line within is not read again for: a number found, or the MRZ (black anyway). */
const COVERS_LINE: RegionKind[] = ['document_number', 'mrz'];

/** How much redder than grey a pixel is: red print stands out of glare, grey paper and black ink. */
function redness(data: Buffer, i: number): number {
  const r = data[i] ?? 0;
  const g = data[i + 1] ?? 0;
  const b = data[i + 2] ?? 0;
  return Math.max(0, r - (g + b) / 2);
}

/** Brightest channel below which a pixel is dark print or deep shadow, never red print. */
const DARK = 90;
/** Below this share of its paper's red channel, a pixel is black print or its blurred edge. */
const SHADE = 0.6;

/**
 * How much redder each pixel is than its paper, in redness to its red channel (so print blended
 * into its paper at a letter's edge, or paper in shade, keeps the paper's tint). The paper's tint
 * is the map's opening (the least red within `radius`, then the most red of those), which drops
 * strokes thinner than the window; dark pixels (black print) are left out of it. Paper under
 * warm light or in a brown shade is "red" by a few dozen levels itself: a serial in a phone
 * photo's warm shade was lost in a page all red. Dark is dark for its paper too: red ink keeps
 * most of the paper's red channel, black print and its blurred edges lose it, and on warm paper
 * their tint to their own red channel made every line of black print a "red line" (a Dutch
 * passport photo read eight of them, 2.3 s, and the serial would have queued behind them).
 */
function redLift(img: RawImage, radius: number): { lift: Gray; dark: Uint8Array } {
  const { width, height, data } = img;
  const reds = new Uint8Array(width * height);
  for (let p = 0; p < reds.length; p++) reds[p] = data[p * RAW_CHANNELS] ?? 0;
  const paperRed = maxFilter({ data: reds, width, height }, radius, radius).data;
  const tint = new Uint8Array(width * height);
  const open = new Uint8Array(width * height);
  const dark = new Uint8Array(width * height);
  for (let p = 0; p < tint.length; p++) {
    const i = p * RAW_CHANNELS;
    const r = reds[p] ?? 0;
    dark[p] =
      Math.max(r, data[i + 1] ?? 0, data[i + 2] ?? 0) < DARK || r < SHADE * (paperRed[p] ?? 0)
        ? 1
        : 0;
    tint[p] = dark[p] ? 0 : Math.round((255 * redness(data, i)) / r);
    open[p] = dark[p] ? 255 : (tint[p] ?? 0);
  }
  const paper = maxFilter(
    minFilter({ data: open, width, height }, radius, radius),
    radius,
    radius,
  ).data;
  const lift = tint.map((v, p) => Math.max(0, v - (paper[p] ?? 0)));
  return { lift: { data: lift, width, height }, dark };
}

/**
 * Share of a red line's box that may be dark print, at most. A coarse JPEG fringes black print
 * with red where its colour is stored at half size, and the fringes of a line of black print on
 * warm paper made a "red line" whose box is a fifth dark or more; a serial's is under a tenth.
 */
const MAX_DARK = 0.15;

/**
 * Pieces of one line this many of their heights apart at most are joined: a serial half in a
 * shadow keeps its red only in the light, and its ends alone ("SL4", "K0", 47 px apart at 14 px
 * high) were each too short to be a line; the serial stayed readable, with no warning.
 */
const PIECE_GAP = 4;

/** Whether `b` continues `a`'s row: level with it, of its height, at most PIECE_GAP heights on. */
function sameRow(a: Box, b: Box): boolean {
  const tall = Math.max(a.height, b.height);
  const level =
    Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) >=
    0.5 * Math.min(a.height, b.height);
  const gap = Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
  return level && tall <= 2 * Math.min(a.height, b.height) && gap <= PIECE_GAP * tall;
}

/** Boxes on one row near enough each other joined into one, left to right. */
export function joinedAlongRows(boxes: readonly Box[]): Box[] {
  const joined: Box[] = [];
  for (const b of [...boxes].sort((p, q) => p.x - q.x)) {
    const at = joined.findIndex((j) => sameRow(j, b));
    if (at < 0) joined.push(b);
    else joined[at] = unionBoxes([joined[at] as Box, b]);
  }
  return joined;
}

/** Lines of red print at the working size: runs of red pixels, wide as a line of characters. */
function redLines(small: RawImage): Box[] {
  const { width: w, height: h } = small;
  const long = Math.max(w, h);
  const { lift, dark } = redLift(small, Math.round(0.008 * long));
  const mask = new Uint8Array(w * h);
  for (let p = 0; p < w * h; p++) mask[p] = (lift.data[p] ?? 0) >= RED ? 1 : 0;
  const parts = components(smearRows(mask, w, h, Math.round(0.012 * long)), w, h, 20)
    .map((c) => c.box)
    .filter((b) => b.height >= 0.006 * long && b.height <= 0.05 * long)
    // Dark print's share is the parts' own: a shadow between two parts of a serial is no fringe.
    .filter((b) => setShare(dark, w, b) <= MAX_DARK);
  return joinedAlongRows(parts)
    .filter((b) => b.width >= 3 * b.height && b.height <= 0.05 * long)
    .sort((a, b) => b.width - a.width);
}

/**
 * The crop in its own light: each pixel brightened by what its paper within `radius` lacks of
 * white. A serial half in a shadow's edge read as nothing as printed (one threshold for the
 * crop made the shaded half all ink) and its red faded in the shade; lit evenly it reads whole.
 */
export function inItsOwnLight(crop: RawImage, radius: number): RawImage {
  const { width, height, data } = crop;
  const bright = new Uint8Array(width * height);
  for (let p = 0; p < bright.length; p++) {
    const i = p * RAW_CHANNELS;
    bright[p] = Math.max(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0);
  }
  // A closing: the strokes filled with their paper's light, and the shadow's edge kept where it is
  // (the window's maximum alone carries the light a radius into the shade).
  const light = minFilter(
    maxFilter({ data: bright, width, height }, radius, radius),
    radius,
    radius,
  ).data;
  const out = Buffer.alloc(data.length);
  for (let p = 0; p < bright.length; p++) {
    const k = 255 / Math.max(1, light[p] ?? 0);
    for (let c = 0; c < RAW_CHANNELS; c++) {
      const i = p * RAW_CHANNELS + c;
      out[i] = Math.min(255, Math.round((data[i] ?? 0) * k));
    }
  }
  return { ...crop, data: out };
}

/** The crop with red print dark on white, and everything else (its paper, black ink) white. */
export function redInk(crop: RawImage): RawImage {
  const { lift } = redLift(crop, Math.max(1, Math.round(crop.height / 5)));
  const data = Buffer.alloc(crop.data.length);
  for (let p = 0; p < lift.data.length; p++) {
    const v = Math.max(0, 255 - 3 * (lift.data[p] ?? 0));
    data.fill(v, p * RAW_CHANNELS, (p + 1) * RAW_CHANNELS);
  }
  return { ...crop, data };
}

/**
 * A number the MRZ gave, printed again in red (a passport's serial) where page OCR saw nothing:
 * in a glare spot the serial fades to the paper's grey, but its red still stands apart (a
 * passport photo's "BC3SM4V34" was left readable, with no warning). Lines of red print are read
 * on a map of their redness alone, and only a reading that matches the value is kept. Lines off
 * `document` (its bounds from the MRZ, when known: a wooden table or a red pen beside it) or
 * under a number or MRZ in `found` are not read; each costs one or two reads.
 * Hand-written: a colour map and a row smear; no library finds coloured text.
 */
export async function redNumbers(
  img: RawImage,
  found: readonly Finding[],
  known: KnownValues,
  ocr: OcrEngine,
  document: Box | null,
): Promise<Finding[]> {
  if (!known.documentNumbers.some((v) => foldConfusables(v).length >= 6)) return [];
  const small = Math.max(img.width, img.height) > LONG_SIDE ? await resizeRaw(img, LONG_SIDE) : img;
  const k = img.width / small.width;
  const out: Finding[] = [];
  // The document's bounds grown by PAST_EDGE of its size each way.
  const reach =
    document &&
    growAlongAcross(
      document,
      PAST_EDGE * Math.max(document.width, document.height),
      PAST_EDGE * Math.min(document.width, document.height),
    );
  const lines = redLines(small)
    .map((b) => scaleBox(b, k))
    .filter((b) => !found.some((f) => COVERS_LINE.includes(f.kind) && overlapRatio(f.box, b) > 0.5))
    .filter((b) => !reach || centreIn(b, reach))
    .slice(0, MAX_LINES);
  for (const line of lines) {
    const pad = 0.4 * line.height;
    const box = pixelBox(img, {
      x: line.x - pad,
      y: line.y - pad,
      width: line.width + 2 * pad,
      height: line.height + 2 * pad,
    });
    const printed = await cropRaw(img, box);
    const whole = { x: 0, y: 0, width: printed.width, height: printed.height };
    const scale = Math.min(4, Math.max(1, CHARACTER / line.height));
    const crop = await cropForOcr(redInk(printed), whole, scale);
    const place = (b: Box) => {
      const c = fromCrop(crop, b);
      return { ...c, x: c.x + box.x, y: c.y + box.y };
    };
    // The page reader first; the MRZ reader's capitals and digits alone read a blurred serial
    // the page reader made words of ("BC3SMV34" where it read "BCASHAVIA"). Last, the line as
    // printed: half in a glare spot, a serial's red was too weak there for the map, which faded
    // its end to nothing ("GFZMMI11"), while its print still read plainly. Then in its own light:
    // across a shadow's edge, one threshold made the shaded half of a serial all ink.
    const asPrinted = async () => (await cropForOcr(printed, whole, scale)).png;
    const reads = [
      () => ocr.readPage(crop.png),
      () => ocr.readMrz(crop.png),
      async () => ocr.readPage(await asPrinted()),
      async () =>
        ocr.readPage(
          (await cropForOcr(inItsOwnLight(printed, Math.ceil(line.height / 2)), whole, scale)).png,
        ),
    ];
    for (const reading of reads) {
      const read = (await reading()).map((l) => ({
        ...l,
        box: place(l.box),
        words: l.words.map((w) => ({ ...w, box: place(w.box) })),
      }));
      const hits = findNumbers(read, {
        documentNumbers: known.documentNumbers,
        personalNumbers: [],
      }).filter((f) => f.via === 'mrz-value');
      out.push(...hits);
      if (hits.length) break;
    }
  }
  return out;
}
