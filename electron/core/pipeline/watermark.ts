import sharp from 'sharp';
import { rawInput, type RawImage } from './raw-image.ts';
import { shippedFile } from './shipped.ts';

/** Shipped with the app (npm package), so text renders identically everywhere, offline. */
export const WATERMARK_FONT = shippedFile('font');

/** Text rises at this angle (degrees) from left to right. */
const ANGLE_DEG = 30;
const OPACITY = 0.32;
const COLOUR_RGB = [122, 16, 16];
/** Distance between neighbouring lines, in font sizes. */
const LINE_SPACING_EM = 5;

/** Text for a Pango markup string (sharp renders text through Pango). */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Font size in pixels: legible on the page, small enough for several diagonal lines to fit. */
export function watermarkFontSize(width: number, height: number): number {
  return Math.round(Math.max(12, Math.min(width, height) / 30));
}

/**
 * One pre-rendered, seamlessly repeating tile: a rotated line of text folded into a W × H cell,
 * where W is the line's horizontal period and H a whole fraction of its rise, so tiled copies join
 * into continuous diagonal lines. Tiling this is several times faster than a page-size SVG pattern.
 */
export async function renderWatermarkTile(text: string, fontPx: number): Promise<Buffer> {
  const line = await sharp({
    text: {
      text: `<span foreground="#000000">${escapeMarkup(text)}</span>`,
      font: `DejaVu Sans Bold ${fontPx}px`,
      fontfile: WATERMARK_FONT,
      rgba: true,
      dpi: 72,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  const gap = fontPx * 4;
  const period = line.info.width + gap;
  const rotated = await sharp(line.data)
    .extend({ left: gap / 2, right: gap / 2, background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .rotate(-ANGLE_DEG, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });

  const rad = (ANGLE_DEG * Math.PI) / 180;
  const w = Math.round(period * Math.cos(rad));
  const rise = period * Math.sin(rad);
  const h = Math.round(rise / Math.max(1, Math.round(rise / (fontPx * LINE_SPACING_EM))));
  const tile = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) tile.set(COLOUR_RGB, i * 4);
  const { data, info } = rotated;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const a = data[(y * info.width + x) * 4 + 3] ?? 0;
      if (a === 0) continue;
      const t = ((y % h) * w + (x % w)) * 4 + 3;
      // Semi-transparent, so the name and dates under the text stay readable.
      tile[t] = Math.max(tile[t] ?? 0, Math.round(a * OPACITY));
    }
  }
  return sharp(tile, { raw: { width: w, height: h, channels: 4 } })
    .png()
    .toBuffer();
}

/** Stamps the text diagonally over the whole image, burned into the pixels. */
export async function applyWatermark(img: RawImage, text: string): Promise<RawImage> {
  let tile = await renderWatermarkTile(text, watermarkFontSize(img.width, img.height));
  const meta = await sharp(tile).metadata();
  // sharp only tiles overlays no larger than the base; on small images one cell covers it all.
  if ((meta.width ?? 0) > img.width || (meta.height ?? 0) > img.height) {
    tile = await sharp(tile)
      .extract({
        left: 0,
        top: 0,
        width: Math.min(img.width, meta.width ?? 0),
        height: Math.min(img.height, meta.height ?? 0),
      })
      .png()
      .toBuffer();
  }
  const { data } = await sharp(img.data, rawInput(img))
    .composite([{ input: tile, tile: true, blend: 'over' }])
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { ...img, data };
}
