import { promises as fs } from 'node:fs';
import sharp from 'sharp';
import type { OrgConfig } from '../../../../shared/org-config.ts';
import { loadImage } from '../load.ts';
import { rawInput, type RawImage } from '../raw-image.ts';

// PNG renditions for the window, which cannot read files or raw pixels itself.

/** The image as PNG, scaled down so its longer side is at most `longSide`. */
export async function toPng(img: RawImage, longSide: number): Promise<Uint8Array> {
  const scale = Math.min(1, longSide / Math.max(img.width, img.height));
  return new Uint8Array(
    await sharp(img.data, rawInput(img))
      .resize({ width: Math.max(1, Math.round(img.width * scale)) })
      .png({ compressionLevel: 3 })
      .toBuffer(),
  );
}

/** The config's logo, decoded under the usual limits and re-encoded small; none if unreadable. */
export async function logoPng(config: OrgConfig): Promise<Uint8Array | null> {
  const file = config.organisation?.logo;
  if (!file) return null;
  try {
    const img = await loadImage(await fs.readFile(file));
    return toPng(img, 160);
  } catch {
    return null;
  }
}
