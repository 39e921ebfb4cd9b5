import { scaleBox, type Box } from '../../../../shared/regions.ts';
import sharp from 'sharp';
import { rawInput, type RawImage } from '../raw-image.ts';
import type { OcrEngine } from './engine.ts';
import type { OcrLine } from './text.ts';
import { cropRaw, greyPng, pixelBox } from '../vision/crop.ts';

/** Body text reads best when the page is about this long; small scans are enlarged. */
export const PAGE_LONG_SIDE = 1600;
const MIN_SIDE = 16;

function scaled<T extends { box: Box }>(item: T, k: number): T {
  return { ...item, box: scaleBox(item.box, k) };
}

/**
 * Grey stretched from darkest to lightest, pixel for pixel as sharp's `normalise({ lower: 0,
 * upper: 100 })` does it (through L*, not linearly): a percentile stretch turns a pale page with
 * little ink (most of an ID) into a dark one, and the page text is lost. Sharp ran the whole
 * resize three times for it (its minimum, its maximum, the output), 0.2–0.4 s a page; here only
 * the grey values the page holds go through sharp's stretch, and the page is mapped by table.
 * Sharp's stretch comes back in colour, but neutral (R = G = B on every range, checked): the page
 * keeps one channel, which is what tesseract turns a colour page into, and it reads the same
 * lines about a tenth sooner (a third of the bytes to decode, no conversion).
 */
async function fullStretch(grey: Buffer): Promise<Buffer> {
  let lo = 255;
  let hi = 0;
  for (let i = 0; i < grey.length; i++) {
    const v = grey[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // Its own darkest and lightest are the page's, so sharp finds the same range on it.
  const ramp = Buffer.from(Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
  const table = await sharp(ramp, { raw: { width: ramp.length, height: 1, channels: 1 } })
    .normalise({ lower: 0, upper: 100 })
    .raw()
    .toBuffer();
  // A range too narrow to stretch comes back as it was, grey; a stretched one in colour.
  if (table.length !== ramp.length * 3) return grey;
  const out = Buffer.alloc(grey.length);
  // Each grey level's stretched value, looked up by index (a page is a few million pixels).
  const level = new Uint8Array(256);
  for (let v = lo; v <= hi; v++) level[v] = table[(v - lo) * 3] ?? 0;
  for (let i = 0; i < grey.length; i++) out[i] = level[grey[i] as number] as number;
  return out;
}

/** A page ready for the page reader: its image at reading size, and that size's scale. */
export interface PageImage {
  png: Buffer;
  scale: number;
}

/** The page at the size body text reads best; null for a strip too thin to hold a line. */
export async function pageImage(img: RawImage): Promise<PageImage | null> {
  const scale = Math.min(2.5, Math.max(0.4, PAGE_LONG_SIDE / Math.max(img.width, img.height)));
  // A strip a few pixels high holds no line of text; the local threshold fails on it.
  if (Math.min(img.width, img.height) * scale < MIN_SIDE) return null;
  const { data: grey, info } = await sharp(img.data, rawInput(img))
    .resize({ width: Math.round(img.width * scale), kernel: 'lanczos3' })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { png: await greyPng(await fullStretch(grey), info.width, info.height), scale };
}

/** Reads a prepared page; boxes come back in the pixels of the image it was made from. */
export async function readPageImage(page: PageImage | null, ocr: OcrEngine): Promise<OcrLine[]> {
  if (!page) return [];
  const lines = await ocr.readPage(page.png);
  return lines.map((l) => ({
    ...scaled(l, 1 / page.scale),
    words: l.words.map((w) => scaled(w, 1 / page.scale)),
  }));
}

/** Reads all text on a page; boxes come back in the image's own pixels. */
export async function readPageText(img: RawImage, ocr: OcrEngine): Promise<OcrLine[]> {
  return readPageImage(await pageImage(img), ocr);
}

function shifted<T extends { box: Box }>(item: T, by: Box): T {
  return { ...item, box: { ...item.box, x: item.box.x + by.x, y: item.box.y + by.y } };
}

/** Reads the text inside `box` on its own, at the page's working size; boxes in image pixels. */
export async function readTextIn(img: RawImage, box: Box, ocr: OcrEngine): Promise<OcrLine[]> {
  const c = pixelBox(img, box);
  if (c.width < 1 || c.height < 1) return [];
  const lines = await readPageText(await cropRaw(img, c), ocr);
  return lines.map((l) => ({ ...shifted(l, c), words: l.words.map((w) => shifted(w, c)) }));
}
