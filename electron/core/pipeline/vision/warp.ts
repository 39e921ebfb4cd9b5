import type { Homography } from '../../../../shared/homography.ts';
import type { Box } from '../../../../shared/regions.ts';
import { RAW_CHANNELS, type RawImage } from '../raw-image.ts';

/**
 * Paints `src` onto `out` through a projective map: every pixel of `out` whose preimage
 * (`toSource`) falls inside `src` takes its bilinear sample; the rest keep what `out` held.
 * Only the pixels of `out` inside `part` are painted, when it is given.
 * Hand-written because sharp (libvips) only offers affine transforms, and a perspective warp by
 * inverse mapping is a short loop.
 */
export function warpInto(src: RawImage, toSource: Homography, out: RawImage, part?: Box): void {
  const { width: W, height: H, data: s } = src;
  const o = out.data;
  const C = RAW_CHANNELS;
  // applyHomography, spelled out: no object per pixel, the same arithmetic to the last bit.
  const [h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0, h7 = 0, h8 = 1] = toSource;
  const x0 = Math.max(0, Math.floor(part?.x ?? 0));
  const y0 = Math.max(0, Math.floor(part?.y ?? 0));
  const x1 = Math.min(out.width, Math.ceil(part ? part.x + part.width : out.width));
  const y1 = Math.min(out.height, Math.ceil(part ? part.y + part.height : out.height));
  for (let y = y0; y < y1; y++) {
    // Pixel centres sit at +0.5 in both images.
    const cy = y + 0.5;
    for (let x = x0; x < x1; x++) {
      const cx = x + 0.5;
      const w = h6 * cx + h7 * cy + h8;
      const sx = (h0 * cx + h1 * cy + h2) / w - 0.5;
      const sy = (h3 * cx + h4 * cy + h5) / w - 0.5;
      if (!(sx >= 0 && sy >= 0 && sx <= W - 1 && sy <= H - 1)) continue;
      const left = Math.floor(sx);
      const top = Math.floor(sy);
      const fx = sx - left;
      const fy = sy - top;
      const right = Math.min(W - 1, left + 1);
      const bottom = Math.min(H - 1, top + 1);
      const a = (top * W + left) * C;
      const b = (top * W + right) * C;
      const c = (bottom * W + left) * C;
      const d = (bottom * W + right) * C;
      const t = (y * out.width + x) * C;
      const gx = 1 - fx;
      const gy = 1 - fy;
      // The four neighbours lie inside the image (checked above).
      for (let k = 0; k < C; k++)
        o[t + k] =
          (s[a + k] as number) * gx * gy +
          (s[b + k] as number) * fx * gy +
          (s[c + k] as number) * gx * fy +
          (s[d + k] as number) * fx * fy;
    }
  }
}

/**
 * A `width` × `height` view whose pixels `toImage` takes onto `img` (white where they fall off
 * it, or outside `part` when given, like paper, so it adds no ink).
 */
export function rectify(
  img: RawImage,
  toImage: Homography,
  width: number,
  height: number,
  part?: Box,
): RawImage {
  const image: RawImage = {
    data: Buffer.alloc(width * height * RAW_CHANNELS, 255),
    width,
    height,
    dpi: img.dpi,
  };
  warpInto(img, toImage, image, part);
  return image;
}
