import { scaleBox, type Box } from '../../../../shared/regions.ts';
import sharp from 'sharp';
import { rawInput, type RawImage } from '../raw-image.ts';
import type { OcrEngine } from './engine.ts';
import type { OcrLine } from './text.ts';
import { cropRaw, pixelBox } from '../vision/crop.ts';

/** Body text reads best when the page is about this long; small scans are enlarged. */
export const PAGE_LONG_SIDE = 1600;
const MIN_SIDE = 16;

function scaled<T extends { box: Box }>(item: T, k: number): T {
  return { ...item, box: scaleBox(item.box, k) };
}

/** Reads all text on a page; boxes come back in the image's own pixels. */
export async function readPageText(img: RawImage, ocr: OcrEngine): Promise<OcrLine[]> {
  const scale = Math.min(2.5, Math.max(0.4, PAGE_LONG_SIDE / Math.max(img.width, img.height)));
  // A strip a few pixels high holds no line of text; the local threshold fails on it.
  if (Math.min(img.width, img.height) * scale < MIN_SIDE) return [];
  const png = await sharp(img.data, rawInput(img))
    .resize({ width: Math.round(img.width * scale), kernel: 'lanczos3' })
    .grayscale()
    // Stretch from darkest to lightest: a percentile stretch turns a pale page with little ink
    // (most of an ID) into a dark one, and the page text is lost.
    .normalise({ lower: 0, upper: 100 })
    .png({ compressionLevel: 1 })
    .toBuffer();
  const lines = await ocr.readPage(png);
  return lines.map((l) => ({
    ...scaled(l, 1 / scale),
    words: l.words.map((w) => scaled(w, 1 / scale)),
  }));
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
