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
    const found = await locateOnPage(await loadImage(page));
    expect(found).not.toBeNull();
    const { crop, document } = found!;
    expect(crop.x).toBeLessThanOrEqual(900);
    expect(crop.x).toBeGreaterThan(850);
    expect(crop.y + crop.height).toBeGreaterThanOrEqual(1900);
    expect(crop.width).toBeLessThan(760);
    // The card's own bounds, to a few pixels of the page's 600 px look (a quarter of the scan).
    expect(Math.abs(document.x - 900)).toBeLessThanOrEqual(6);
    expect(Math.abs(document.y - 1500)).toBeLessThanOrEqual(6);
    expect(Math.abs(document.width - 640)).toBeLessThanOrEqual(10);
    expect(Math.abs(document.height - 400)).toBeLessThanOrEqual(10);
  });

  it("gives a pale card's own edges, not only its print's", async () => {
    // A card at 300 dpi a few grey levels off the page's white, its print in the middle.
    const bars = Array.from(
      { length: 8 },
      (_, i) => `<rect x="200" y="${170 + i * 40}" width="610" height="18" fill="#222"/>`,
    ).join('');
    const card = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1010" height="640"><rect width="1010" height="640" fill="#f0efe9"/>${bars}</svg>`,
    );
    const page = await sharp({
      create: { width: 2480, height: 3508, channels: 3, background: '#fdfdfd' },
    })
      .composite([{ input: card, left: 900, top: 1500 }])
      .png()
      .toBuffer();
    const { document } = (await locateOnPage(await loadImage(page)))!;
    expect(Math.abs(document.x - 900)).toBeLessThanOrEqual(8);
    expect(Math.abs(document.y - 1500)).toBeLessThanOrEqual(8);
    expect(Math.abs(document.width - 1010)).toBeLessThanOrEqual(14);
    expect(Math.abs(document.height - 640)).toBeLessThanOrEqual(14);
  });

  it('searches the whole image when the document fills it', async () => {
    expect(await locateOnPage(await loadImage(await testPicture(800, 500)))).toBeNull();
  });
});
