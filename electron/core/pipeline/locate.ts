import { scaleBox, type Box } from '../../../shared/regions.ts';
import type { RawImage } from './raw-image.ts';
import { toGray, type Gray } from './vision/gray.ts';
import { components, smearRows } from './vision/morphology.ts';
import { median } from './vision/stats.ts';

/**
 * The colour of the image's border when it is plain (a scanner's lid, a sheet of paper), else
 * null (a table, a hand, a room).
 */
export function plainBorder(gray: Gray): number | null {
  const { width: w, height: h, data } = gray;
  const border: number[] = [];
  for (let x = 0; x < w; x += 2) border.push(data[x] ?? 0, data[(h - 1) * w + x] ?? 0);
  for (let y = 0; y < h; y += 2) border.push(data[y * w] ?? 0, data[y * w + w - 1] ?? 0);
  const bg = median(border);
  const spread = median(border.map((v) => Math.abs(v - bg)));
  return spread > 6 ? null : bg;
}

/** A document found on a larger page: its bounds, and the cut to search it in (a margin round). */
export interface OnPage {
  document: Box;
  crop: Box;
}

/**
 * Finds the document on a larger, plain page (an ID card scanned on A4): the bounding box of
 * everything that differs from the page colour. Returns null when the document already fills the
 * image or the background is not plain (phone photos), so the whole image is searched.
 */
export async function locateOnPage(img: RawImage): Promise<OnPage | null> {
  const { gray, scale } = await toGray(img, 600);
  const { width: w, height: h } = gray;
  const bg = plainBorder(gray);
  if (bg === null) return null;

  const mask = differing(gray, bg, PRINT_STEP);
  const blobs = components(smearRows(mask, w, h, 6), w, h, 50).sort((a, b) => b.pixels - a.pixels);
  const main = blobs[0];
  if (!main) return null;
  // Every sizeable blob on the page, wherever it lies (a card's text can leave its border gappy,
  // so the card may come in pieces); anything else of that size makes the area too large below.
  const sizeable = blobs.filter((b) => b.pixels > main.pixels * 0.02);
  const x0 = Math.min(...sizeable.map((b) => b.box.x));
  const y0 = Math.min(...sizeable.map((b) => b.box.y));
  const x1 = Math.max(...sizeable.map((b) => b.box.x + b.box.width));
  const y1 = Math.max(...sizeable.map((b) => b.box.y + b.box.height));
  const area = (x1 - x0) * (y1 - y0);
  if (area > 0.6 * w * h || area < 0.01 * w * h) return null;
  const pad = 0.03 * Math.max(x1 - x0, y1 - y0);
  const crop = {
    x: Math.max(0, x0 - pad),
    y: Math.max(0, y0 - pad),
    width: Math.min(w, x1 + pad) - Math.max(0, x0 - pad),
    height: Math.min(h, y1 + pad) - Math.max(0, y0 - pad),
  };
  const print = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const document = paperAround(gray, bg, print) ?? print;
  return { document: scaleBox(document, 1 / scale), crop: scaleBox(crop, 1 / scale) };
}

/** Print differs from the page by more than this (grey levels). */
const PRINT_STEP = 20;
/** A pale card on white differs from the page by this much (grey levels) all over its paper. */
const PAPER_STEP = 6;

/** Pixels that differ from the page's colour `bg` by more than `step`, as a mask. */
function differing(gray: Gray, bg: number, step: number): Uint8Array {
  const mask = new Uint8Array(gray.width * gray.height);
  for (let i = 0; i < mask.length; i++) mask[i] = Math.abs((gray.data[i] ?? 0) - bg) > step ? 1 : 0;
  return mask;
}

/**
 * The bounds of the document's own paper round its print: a pale card's ground differs from a
 * white page by 6-14 grey levels, under the print's step (its bounds stopped at the print, and the
 * card's shape, which tells a card from a page, was lost), but evenly, so its pixels join into one
 * region round the print. Null when none does (the card's ground is the page's white).
 */
function paperAround(gray: Gray, bg: number, print: Box): Box | null {
  const { width: w, height: h } = gray;
  const paper = components(differing(gray, bg, PAPER_STEP), w, h, 50).sort(
    (a, b) => b.pixels - a.pixels,
  )[0];
  if (!paper) return null;
  const b = paper.box;
  const holds =
    b.x <= print.x + 2 &&
    b.y <= print.y + 2 &&
    b.x + b.width >= print.x + print.width - 2 &&
    b.y + b.height >= print.y + print.height - 2;
  // Filled, as paper is (print alone leaves most of its bounds empty), and not the page itself.
  const filled = paper.pixels >= 0.8 * b.width * b.height;
  return holds && filled && b.width * b.height <= 0.6 * w * h ? b : null;
}
