import sharp from 'sharp';
import type { Box } from '../../shared/regions.ts';
import type { RawImage } from '../../electron/core/pipeline/raw-image.ts';

/** A busy test picture: coloured quadrants plus noise-like stripes, no flat black anywhere. */
export async function testPicture(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width / 2}" height="${height / 2}" fill="#e04040"/>
    <rect x="${width / 2}" width="${width / 2}" height="${height / 2}" fill="#40a040"/>
    <rect y="${height / 2}" width="${width / 2}" height="${height / 2}" fill="#4040e0"/>
    <rect x="${width / 2}" y="${height / 2}" width="${width / 2}" height="${height / 2}" fill="#e0e040"/>
    ${Array.from({ length: 20 }, (_, i) => `<rect x="${(i * width) / 20}" y="0" width="2" height="${height}" fill="#ffffff"/>`).join('')}
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function decodeRaw(bytes: Buffer | Uint8Array): Promise<RawImage> {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, dpi: null };
}

/** Brightest channel of each pixel inside the box (clipped to the image). */
function* channelMaxima(img: RawImage, box: Box): Generator<number> {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(img.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(img.height, Math.ceil(box.y + box.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 3;
      yield Math.max(img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0);
    }
  }
}

/** Largest channel value of any pixel inside the box (0 means all black). */
export function maxInBox(img: RawImage, box: Box): number {
  let max = 0;
  for (const v of channelMaxima(img, box)) max = Math.max(max, v);
  return max;
}

export function pixelAt(img: RawImage, x: number, y: number): [number, number, number] {
  const i = (y * img.width + x) * 3;
  return [img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0];
}

/** Mean absolute difference per channel value of two images of the same size. */
export function meanAbsDiff(a: RawImage, b: RawImage): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
  return sum / a.data.length;
}
