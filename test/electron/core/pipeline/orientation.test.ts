import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { boxToRect, type Region } from '../../../../shared/regions.ts';
import { burnRegions } from '../../../../electron/core/pipeline/burn.ts';
import { loadImage } from '../../../../electron/core/pipeline/load.ts';
import { maxInBox, pixelAt } from '../../../helpers/images.ts';

/** Stores `displayed` so that a viewer applying EXIF orientation `o` shows it upright again. */
async function storeWithOrientation(displayed: Buffer, o: number): Promise<Buffer> {
  const step = (s: sharp.Sharp) => s.png().toBuffer();
  let stored = displayed;
  if (o === 2) stored = await step(sharp(stored).flop());
  if (o === 3) stored = await step(sharp(stored).rotate(180));
  if (o === 4) stored = await step(sharp(stored).flip());
  if (o === 5) stored = await step(sharp(await step(sharp(stored).rotate(90))).flop());
  if (o === 6) stored = await step(sharp(stored).rotate(270));
  if (o === 7) stored = await step(sharp(await step(sharp(stored).rotate(90))).flip());
  if (o === 8) stored = await step(sharp(stored).rotate(90));
  return sharp(stored).jpeg({ quality: 95 }).withMetadata({ orientation: o }).toBuffer();
}

describe('EXIF orientation', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'orientation %i: boxes land where the person sees them',
    async (o) => {
      // Displayed image: 120×80, red top-left quadrant, blue elsewhere.
      const displayed = await sharp({
        create: { width: 120, height: 80, channels: 3, background: '#2040d0' },
      })
        .composite([
          {
            input: { create: { width: 60, height: 40, channels: 3, background: '#e02020' } },
            left: 0,
            top: 0,
          },
        ])
        .png()
        .toBuffer();
      const img = await loadImage(await storeWithOrientation(displayed, o));
      expect([img.width, img.height]).toEqual([120, 80]);
      const [r, , b] = pixelAt(img, 15, 10);
      expect(r).toBeGreaterThan(150);
      expect(b).toBeLessThan(100);
      const region: Region = {
        id: 'a',
        kind: 'manual',
        shape: { type: 'rect', rect: boxToRect({ x: 5, y: 5, width: 20, height: 10 }) },
        source: 'manual',
        confidence: 1,
        label: '',
        side: 0,
      };
      const burned = burnRegions(img, [region]);
      expect(maxInBox(burned, { x: 5, y: 5, width: 20, height: 10 })).toBe(0);
      expect(pixelAt(burned, 100, 70)[2]).toBeGreaterThan(150);
    },
  );
});
