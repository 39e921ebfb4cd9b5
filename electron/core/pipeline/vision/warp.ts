import type { Homography } from '../../../../shared/homography.ts';
import { RAW_CHANNELS, type RawImage } from '../raw-image.ts';

/**
 * Paints `src` onto `out` through a projective map: every pixel of `out` whose preimage
 * (`toSource`) falls inside `src` takes its bilinear sample; the rest keep what `out` held.
 * Hand-written because sharp (libvips) only offers affine transforms, and a perspective warp by
 * inverse mapping is a short loop.
 */
export function warpInto(src: RawImage, toSource: Homography, out: RawImage): void {
  const { width: W, height: H, data: s } = src;
  const o = out.data;
  const C = RAW_CHANNELS;
  const px = (i: number) => s[i] ?? 0;
  // applyHomography, spelled out: no object per pixel, the same arithmetic to the last bit.
  const [h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0, h7 = 0, h8 = 1] = toSource;
  for (let y = 0; y < out.height; y++) {
    // Pixel centres sit at +0.5 in both images.
    const cy = y + 0.5;
    for (let x = 0; x < out.width; x++) {
      const cx = x + 0.5;
      const w = h6 * cx + h7 * cy + h8;
      const sx = (h0 * cx + h1 * cy + h2) / w - 0.5;
      const sy = (h3 * cx + h4 * cy + h5) / w - 0.5;
      if (!(sx >= 0 && sy >= 0 && sx <= W - 1 && sy <= H - 1)) continue;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const x1 = Math.min(W - 1, x0 + 1);
      const y1 = Math.min(H - 1, y0 + 1);
      const a = (y0 * W + x0) * C;
      const b = (y0 * W + x1) * C;
      const c = (y1 * W + x0) * C;
      const d = (y1 * W + x1) * C;
      const t = (y * out.width + x) * C;
      for (let k = 0; k < C; k++)
        o[t + k] =
          px(a + k) * (1 - fx) * (1 - fy) +
          px(b + k) * fx * (1 - fy) +
          px(c + k) * (1 - fx) * fy +
          px(d + k) * fx * fy;
    }
  }
}

/**
 * A `width` × `height` view whose pixels `toImage` takes onto `img` (white where they fall off
 * it, like paper, so it adds no ink).
 */
export function rectify(
  img: RawImage,
  toImage: Homography,
  width: number,
  height: number,
): RawImage {
  const image: RawImage = {
    data: Buffer.alloc(width * height * RAW_CHANNELS, 255),
    width,
    height,
    dpi: img.dpi,
  };
  warpInto(img, toImage, image);
  return image;
}
