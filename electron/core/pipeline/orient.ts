import sharp from 'sharp';
import { invertHomography, quadThrough, type Homography } from '../../../shared/homography.ts';
import { polygonBounds, type Box } from '../../../shared/regions.ts';
import type { OcrLine } from './ocr/text.ts';
import { rawInput, type RawImage } from './raw-image.ts';

export type QuarterTurn = 90 | 180 | 270;

/** The image turned clockwise by a quarter-turn multiple (for documents photographed askew). */
export async function rotateRaw(img: RawImage, angle: QuarterTurn): Promise<RawImage> {
  const { data, info } = await sharp(img.data, rawInput(img))
    .rotate(angle)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, dpi: img.dpi };
}

/** Maps a box found in the turned image back to the original image (`width` × `height`). */
export function unrotateBox(box: Box, angle: QuarterTurn, width: number, height: number): Box {
  const { x, y, width: w, height: h } = box;
  if (angle === 180) return { x: width - x - w, y: height - y - h, width: w, height: h };
  // Turned 90° clockwise: original (x, y) went to (height − y, x).
  if (angle === 90) return { x: y, y: height - x - w, width: h, height: w };
  // Turned 270° clockwise: original (x, y) went to (y, width − x).
  return { x: width - y - h, y: x, width: h, height: w };
}

/**
 * The map from the image turned clockwise by `angle` back to the original (`width` × `height`),
 * as a homography, so that it composes with a view's (as `unrotateBox` for single boxes).
 */
export function quarterTurnedBack(angle: QuarterTurn, width: number, height: number): Homography {
  if (angle === 180) return [-1, 0, width, 0, -1, height, 0, 0, 1];
  // Turned 90° clockwise, original (x, y) went to (height − y, x): x = v, y = height − u.
  if (angle === 90) return [0, 1, 0, -1, 0, height, 0, 0, 1];
  // Turned 270°: original (x, y) went to (y, width − x): x = width − v, y = u.
  return [0, -1, width, 1, 0, 0, 0, 0, 1];
}

/** Page text in the pixels of the page turned upright (`back` maps those to the text's). */
export function turnedLines(lines: readonly OcrLine[], back: Homography | null): OcrLine[] {
  if (!back) return [...lines];
  const ahead = invertHomography(back);
  const turn = <T extends { box: Box }>(item: T): T => ({
    ...item,
    box: polygonBounds(quadThrough(ahead, item.box)),
  });
  return lines.map((l) => ({ ...turn(l), words: l.words.map(turn) }));
}

/**
 * The image turned by `degrees` clockwise (any angle) about its centre, on a canvas grown to hold
 * it all; the uncovered corners are white, like paper, so they add no ink.
 */
export async function rotateFree(img: RawImage, degrees: number): Promise<RawImage> {
  const { data, info } = await sharp(img.data, rawInput(img))
    .rotate(degrees, { background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, dpi: img.dpi };
}
