import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { locateOnPage } from '../../../../electron/core/pipeline/locate.ts';
import { loadImage } from '../../../../electron/core/pipeline/load.ts';
import { testPicture } from '../../../helpers/images.ts';

describe('document on a scanned page', () => {
  it('finds a card lying somewhere on a white A4 page', async () => {
    const card = await testPicture(640, 400);
    const page = await sharp({
      create: { width: 2480, height: 3508, channels: 3, background: '#fdfdfd' },
    })
      .composite([{ input: card, left: 900, top: 1500 }])
      .png()
      .toBuffer();
    const box = await locateOnPage(await loadImage(page));
    expect(box).not.toBeNull();
    expect(box!.x).toBeLessThanOrEqual(900);
    expect(box!.x).toBeGreaterThan(850);
    expect(box!.y + box!.height).toBeGreaterThanOrEqual(1900);
    expect(box!.width).toBeLessThan(760);
  });

  it('searches the whole image when the document fills it', async () => {
    expect(await locateOnPage(await loadImage(await testPicture(800, 500)))).toBeNull();
  });
});
