/** Decoded pixels in display orientation: 3 channels (RGB), row-major, no metadata at all. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  /** Scan resolution when the file states a plausible one; null for photos. */
  dpi: number | null;
}

export const RAW_CHANNELS = 3;

/** Drops the alpha channel of decoder output (canvas, libheif), which is opaque for our inputs. */
export function rgbaToRgb(rgba: Uint8Array | Uint8ClampedArray): Buffer {
  const out = Buffer.alloc((rgba.length / 4) * RAW_CHANNELS);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    out[o] = rgba[i] as number;
    out[o + 1] = rgba[i + 1] as number;
    out[o + 2] = rgba[i + 2] as number;
  }
  return out;
}

export function rawInput(img: RawImage): { raw: { width: number; height: number; channels: 3 } } {
  return { raw: { width: img.width, height: img.height, channels: RAW_CHANNELS } };
}
