import sharp from 'sharp';
import { clampBox, type Box } from '../../../../shared/regions.ts';
import { rawInput, type RawImage } from '../raw-image.ts';

/** A crop of the image prepared for OCR, and how to map its pixels back. */
export interface OcrCrop {
  png: Buffer;
  box: Box;
  scale: number;
  /** White margin added around the crop, in crop pixels: tesseract misses glyphs touching the edge. */
  border: number;
}

const BORDER = 24;
const PNG = { compressionLevel: 1 } as const;

/** The crop stretched so that grey at the `paper` percentile becomes white, as raw pixels. */
async function stretched(
  crop: sharp.Sharp,
  paper: number,
): Promise<[Buffer, { raw: { width: number; height: number; channels: 1 } }]> {
  const { data, info } = await crop
    .normalise({ lower: 1, upper: paper })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return [data, { raw: { width: info.width, height: info.height, channels: info.channels as 1 } }];
}

/**
 * The image as a one-channel PNG. Sharp's stretch of a grey crop comes back in colour, but
 * neutral (R = G = B, checked): its first channel is the grey tesseract would make of it, and
 * the readers decode a third of the bytes (about a tenth of a page read's time).
 */
async function onePng(image: sharp.Sharp): Promise<Buffer> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  const first = Buffer.alloc(info.width * info.height);
  for (let i = 0, j = 0; i < first.length; i++, j += info.channels) first[i] = data[j] ?? 0;
  return greyPng(first, info.width, info.height);
}

/** Raw grey pixels as a one-channel PNG for the readers. */
export function greyPng(data: Buffer, width: number, height: number): Promise<Buffer> {
  // Sharp writes one channel as three unless told it is grey.
  return sharp(data, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .png(PNG)
    .toBuffer();
}

/** The whole pixels of `box` that lie inside the image (possibly empty). */
export function pixelBox(img: RawImage, box: Box): Box {
  return clampBox(
    {
      x: Math.floor(box.x),
      y: Math.floor(box.y),
      width: Math.ceil(box.width),
      height: Math.ceil(box.height),
    },
    img.width,
    img.height,
  );
}

/** Whole-pixel extract region inside the image, at least 1 × 1. */
function pixelRegion(img: RawImage, box: Box) {
  const b = pixelBox(img, box);
  return { left: b.x, top: b.y, width: Math.max(1, b.width), height: Math.max(1, b.height) };
}

/**
 * Cuts `box` out of the image, grey and contrast-stretched, scaled by `scale`. `paper` is the
 * percentile of grey taken for white: print that is a small part of the crop (an MRZ) gets a
 * grey background made white, where the white margin round it otherwise drew the legacy engine's
 * one threshold between the grey and the margin, and nothing read. In the one pipeline that adds
 * the white border, sharp's stretch is not the crop's own (every MRZ setting was tuned on it, and
 * a visa's MRZ on its guilloche reads only so); `alone` stretches the crop by itself first (a grey
 * card beside a view's white fill then becomes paper, where it otherwise stayed grey).
 */
export async function cropForOcr(
  img: RawImage,
  box: Box,
  scale: number,
  paper = 99,
  alone = false,
): Promise<OcrCrop> {
  const region = pixelRegion(img, box);
  // Cut, enlarged and grey once: sharp's stretch measures its image twice (darkest and lightest
  // percentiles) and ran the cut and enlargement again each time.
  const { data, info } = await sharp(img.data, rawInput(img))
    .extract(region)
    .resize({ width: Math.max(8, Math.round(region.width * scale)), kernel: 'lanczos3' })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } });
  const border = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, background: '#fff' };
  const out = alone
    ? sharp(...(await stretched(grey, paper))).extend(border)
    : grey.normalise({ lower: 1, upper: paper }).extend(border);
  const png = await onePng(out);
  return {
    png,
    box: { x: region.left, y: region.top, width: region.width, height: region.height },
    scale,
    border: BORDER,
  };
}

/** Maps a box from crop pixels back to image pixels. */
export function fromCrop(crop: OcrCrop, b: Box): Box {
  return {
    x: crop.box.x + (b.x - crop.border) / crop.scale,
    y: crop.box.y + (b.y - crop.border) / crop.scale,
    width: b.width / crop.scale,
    height: b.height / crop.scale,
  };
}

/** A pixel copy of part of the image (for detecting on the document only). */
export async function cropRaw(img: RawImage, box: Box): Promise<RawImage> {
  const { data, info } = await sharp(img.data, rawInput(img))
    .extract(pixelRegion(img, box))
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, dpi: img.dpi };
}
