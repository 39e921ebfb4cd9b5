/** Decoded pixels in display orientation: 3 channels (RGB), row-major, no metadata at all. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  /** Scan resolution when the file states a plausible one; null for photos. */
  dpi: number | null;
}

export const RAW_CHANNELS = 3;

export function rawInput(img: RawImage): { raw: { width: number; height: number; channels: 3 } } {
  return { raw: { width: img.width, height: img.height, channels: RAW_CHANNELS } };
}
