import { describe, expect, it } from 'vitest';
import { applyWatermark, watermarkFontSize } from '../../../../electron/core/pipeline/watermark.ts';
import type { RawImage } from '../../../../electron/core/pipeline/raw-image.ts';

function grey(width: number, height: number): RawImage {
  return { data: Buffer.alloc(width * height * 3, 230), width, height, dpi: null };
}

/** Fraction of pixels changed, per quarter of the image. */
function changedPerQuarter(before: RawImage, after: RawImage): number[] {
  const counts = [0, 0, 0, 0];
  const totals = [0, 0, 0, 0];
  for (let y = 0; y < before.height; y++) {
    for (let x = 0; x < before.width; x++) {
      const q = (y < before.height / 2 ? 0 : 2) + (x < before.width / 2 ? 0 : 1);
      const i = (y * before.width + x) * 3;
      totals[q]!++;
      if (before.data[i] !== after.data[i]) counts[q]!++;
    }
  }
  return counts.map((c, q) => c / totals[q]!);
}

describe('watermark', () => {
  it('covers every part of the page, so it cannot be cropped away', async () => {
    const img = grey(900, 600);
    const out = await applyWatermark(
      img,
      'KOPIE — uitsluitend voor inzageverzoek AVG — 23-11-2026',
    );
    expect(out.width).toBe(900);
    for (const share of changedPerQuarter(img, out)) expect(share).toBeGreaterThan(0.02);
  });

  it('is semi-transparent: no marked pixel turns dark', async () => {
    const img = grey(400, 300);
    const out = await applyWatermark(img, 'KOPIE — test');
    let darkest = 255;
    for (let i = 0; i < out.data.length; i++) darkest = Math.min(darkest, out.data[i]!);
    expect(darkest).toBeGreaterThan(90);
    expect(darkest).toBeLessThan(230);
  });

  it('scales the text with the page', () => {
    expect(watermarkFontSize(3000, 2000)).toBeGreaterThan(watermarkFontSize(600, 400));
  });
});
