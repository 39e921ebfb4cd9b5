import { VkError } from '../../../../shared/errors.ts';
import type { Limits } from '../../../../shared/limits.ts';
import { rgbaToRgb, type RawImage } from '../raw-image.ts';
import { withTimeout } from '../timeout.ts';

/** What `heic-decode`'s `all` really returns (its published types leave out size and dispose). */
type HeifImages = {
  width: number;
  height: number;
  decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}[] & { dispose(): void };

/**
 * iPhone photos (HEIC/HEIF, HEVC-coded). sharp's prebuilt libvips has no HEVC decoder, so this
 * uses libheif compiled to wasm (`heic-decode` → `libheif-js`, wasm embedded in the package).
 * libheif applies the file's rotation and mirroring (irot/imir), so the pixels come out as the
 * phone shows them; the EXIF orientation inside a HEIC is not applied on top (HEIF rule).
 */
export async function decodeHeicImage(bytes: Buffer, limits: Limits): Promise<RawImage> {
  let images: HeifImages;
  try {
    // libheif is a large wasm set up on import: loaded only when a HEIC arrives.
    const { default: decodeHeic } = await import('heic-decode');
    images = (await withTimeout(
      decodeHeic.all({ buffer: new Uint8Array(bytes) }),
      limits.stepTimeoutMs,
    )) as HeifImages;
  } catch (e) {
    if (e instanceof VkError) throw e;
    throw new VkError('CORRUPT_FILE');
  }
  try {
    // The first top-level image is the primary one (a phone photo has one; others are extras).
    const primary = images[0];
    if (!primary || !primary.width || !primary.height) throw new VkError('CORRUPT_FILE');
    const pixels = primary.width * primary.height;
    if (pixels > limits.maxPixels)
      throw new VkError('TOO_MANY_PIXELS', {
        megapixels: Math.round(pixels / 1e6),
        limit: Math.round(limits.maxPixels / 1e6),
      });
    const { width, height, data } = await withTimeout(primary.decode(), limits.stepTimeoutMs);
    return { data: rgbaToRgb(data), width, height, dpi: null };
  } catch (e) {
    if (e instanceof VkError) throw e;
    throw new VkError('CORRUPT_FILE');
  } finally {
    images.dispose();
  }
}
