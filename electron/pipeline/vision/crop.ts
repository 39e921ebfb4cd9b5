import sharp from 'sharp';
import { clampBox, type Box } from '../../../shared/regions.ts';
import { rawInput, type RawImage } from '../raw-image.ts';

/** A crop of the image prepared for OCR, and how to map its pixels back. */
export interface OcrCrop {
  png: Buffer;
  box: Box;
  scale: number;
}

/** Cuts `box` out of the image, grey and contrast-stretched, scaled by `scale`. */
export async function cropForOcr(img: RawImage, box: Box, scale: number): Promise<OcrCrop> {
  const b = clampBox(
    {
      x: Math.floor(box.x),
      y: Math.floor(box.y),
      width: Math.ceil(box.width),
      height: Math.ceil(box.height),
    },
    img.width,
    img.height,
  );
  const region = {
    left: b.x,
    top: b.y,
    width: Math.max(1, b.width),
    height: Math.max(1, b.height),
  };
  const png = await sharp(img.data, rawInput(img))
    .extract(region)
    .resize({ width: Math.max(8, Math.round(region.width * scale)), kernel: 'lanczos3' })
    .grayscale()
    .normalise()
    .png({ compressionLevel: 1 })
    .toBuffer();
  return {
    png,
    box: { x: region.left, y: region.top, width: region.width, height: region.height },
    scale,
  };
}

/** Maps a box from crop pixels back to image pixels. */
export function fromCrop(crop: OcrCrop, b: Box): Box {
  return {
    x: crop.box.x + b.x / crop.scale,
    y: crop.box.y + b.y / crop.scale,
    width: b.width / crop.scale,
    height: b.height / crop.scale,
  };
}
