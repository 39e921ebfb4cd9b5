import sharp from 'sharp';
import { rawInput, type RawImage } from '../raw-image.ts';

/** A copy of the image whose longer side is `longSide` pixels. */
export async function resizeRaw(img: RawImage, longSide: number): Promise<RawImage> {
  const scale = longSide / Math.max(img.width, img.height);
  const { data, info } = await sharp(img.data, rawInput(img))
    .resize({ width: Math.max(1, Math.round(img.width * scale)) })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, dpi: null };
}
