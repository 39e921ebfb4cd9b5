import sharp from 'sharp';
import { rawInput, type RawImage } from '../raw-image.ts';

/** 8-bit single-channel image for the hand-written vision steps. */
export interface Gray {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Grey version of `img` scaled so its longer side is `longSide` px; `scale` maps back. */
export async function toGray(
  img: RawImage,
  longSide: number,
): Promise<{ gray: Gray; scale: number }> {
  const scale = Math.min(3, longSide / Math.max(img.width, img.height));
  const width = Math.max(1, Math.round(img.width * scale));
  const { data, info } = await sharp(img.data, rawInput(img))
    .resize({ width, kernel: 'linear' })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    gray: { data: new Uint8Array(data), width: info.width, height: info.height },
    scale: info.width / img.width,
  };
}
