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

/**
 * The image shrunk by `k` and centred on a white canvas of its own size, and where it sits there:
 * what it shows looks `k` times smaller to a model that sees the whole input at one size.
 */
export async function shrunkOnCanvas(
  img: RawImage,
  k: number,
): Promise<{ image: RawImage; offset: { x: number; y: number } }> {
  const width = Math.max(1, Math.round(img.width / k));
  const height = Math.max(1, Math.round(img.height / k));
  const x = Math.floor((img.width - width) / 2);
  const y = Math.floor((img.height - height) / 2);
  const { data, info } = await sharp(img.data, rawInput(img))
    .resize({ width, height, fit: 'fill' })
    .extend({
      left: x,
      top: y,
      right: img.width - width - x,
      bottom: img.height - height - y,
      background: { r: 255, g: 255, b: 255 },
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { image: { data, width: info.width, height: info.height, dpi: null }, offset: { x, y } };
}
