import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cropForOcr, type OcrCrop } from '../../../../../electron/core/pipeline/vision/crop.ts';
import type { RawImage } from '../../../../../electron/core/pipeline/raw-image.ts';

/** A grey card (200) with dark print (40) on its left two thirds, white fill (255) beyond. */
function cardBesideFill(): RawImage {
  const width = 600;
  const height = 200;
  const data = Buffer.alloc(width * height * 3, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < 400; x++) {
      const ink = y % 20 < 6 && x % 12 < 7;
      data.fill(ink ? 40 : 200, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return { data, width, height, dpi: null };
}

/** The median grey of the card's part of a crop (past its white border). */
async function cardMedian(crop: OcrCrop): Promise<number> {
  const { data, info } = await sharp(crop.png).raw().toBuffer({ resolveWithObject: true });
  const values: number[] = [];
  for (let y = crop.border; y < crop.border + 200 * crop.scale - 1; y++) {
    for (let x = crop.border; x < crop.border + 400 * crop.scale - 1; x++) {
      values.push(data[(y * info.width + x) * info.channels] ?? 0);
    }
  }
  return values.sort((a, b) => a - b)[values.length >> 1] ?? 0;
}

describe('cropForOcr', () => {
  it('stretched alone, takes the grey at the paper percentile for white in an enlarged crop too', async () => {
    const box = { x: 0, y: 0, width: 600, height: 200 };
    for (const scale of [1, 1.7]) {
      // Most of the crop is the grey card: with its 60th percentile taken for white, it is paper.
      expect(
        await cardMedian(await cropForOcr(cardBesideFill(), box, scale, 60, true)),
      ).toBeGreaterThan(240);
      // With the 99th, the white fill is the paper and the card stays grey.
      expect(await cardMedian(await cropForOcr(cardBesideFill(), box, scale))).toBeLessThan(215);
    }
  });

  it('keeps the print dark when it stretches', async () => {
    const crop = await cropForOcr(cardBesideFill(), { x: 0, y: 0, width: 400, height: 200 }, 1.5);
    const { data, info } = await sharp(crop.png).raw().toBuffer({ resolveWithObject: true });
    let darkest = 255;
    for (let i = 0; i < data.length; i += info.channels)
      darkest = Math.min(darkest, data[i] ?? 255);
    expect(darkest).toBeLessThan(20);
  });

  it('hands the reader one grey channel, the grey of sharp’s own stretch of the crop', async () => {
    const img = cardBesideFill();
    const box = { x: 30, y: 10, width: 500, height: 150 };
    const crop = await cropForOcr(img, box, 1.3, 97);
    expect((await sharp(crop.png).metadata()).channels).toBe(1);
    // The crop as sharp stretches it in one pipeline, in colour (what the reader was tuned on).
    const colour = await sharp(img.data, { raw: { width: 600, height: 200, channels: 3 } })
      .extract({ left: 30, top: 10, width: 500, height: 150 })
      .resize({ width: 650, kernel: 'lanczos3' })
      .grayscale()
      .normalise({ lower: 1, upper: 97 })
      .extend({ top: 24, bottom: 24, left: 24, right: 24, background: '#fff' })
      .png()
      .toBuffer();
    const decoded = async (png: Buffer) => [...(await sharp(png).raw().toBuffer())];
    expect(await decoded(crop.png)).toEqual(await decoded(colour));
  });
});
