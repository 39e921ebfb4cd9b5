import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { rotateFree } from '../../../../electron/core/pipeline/orient.ts';
import { seeView } from '../../../../electron/core/pipeline/view.ts';
import { quadThrough } from '../../../../shared/homography.ts';
import { toGray } from '../../../../electron/core/pipeline/vision/gray.ts';
import { estimateSkew, readTextLines } from '../../../../electron/core/pipeline/vision/skew.ts';
import type { Box } from '../../../../shared/regions.ts';
import { decodeRaw } from '../../../helpers/images.ts';
import { Sheet } from '../../../synth/draw.ts';

/** A page of text lines, and a red square whose place we can follow through a turn. */
async function page() {
  const sheet = new Sheet(1200, 800);
  for (let i = 0; i < 9; i++)
    await sheet.text(`Regel ${i + 1}: KONINKRIJK DER NEDERLANDEN 12 MEI 1985`, 80, 80 + i * 70, 30);
  sheet.svg('<rect x="900" y="600" width="120" height="80" fill="#e00000"/>');
  return decodeRaw(await sheet.render('#ffffff'));
}

/** Centre of the red pixels in an image (the marker square). */
function centreOfRed(img: Awaited<ReturnType<typeof page>>, near: Box) {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = Math.max(0, Math.floor(near.y)); y < Math.min(img.height, near.y + near.height); y++)
    for (
      let x = Math.max(0, Math.floor(near.x));
      x < Math.min(img.width, near.x + near.width);
      x++
    ) {
      const i = (y * img.width + x) * 3;
      if (
        (img.data[i] ?? 0) > 150 &&
        (img.data[i + 1] ?? 255) < 80 &&
        (img.data[i + 2] ?? 255) < 80
      ) {
        sx += x + 0.5;
        sy += y + 0.5;
        n++;
      }
    }
  return { x: sx / n, y: sy / n };
}

describe('documents at an angle', () => {
  it.each([-20, -12, -4, 4, 9, 20])('measures a tilt of %d° from the text lines', async (angle) => {
    const img = await rotateFree(await page(), angle);
    const { gray } = await toGray(img, 800);
    expect(estimateSkew(gray)).toBeCloseTo(angle, 0);
  });

  it('measures the tilt of a document lying sideways, relative to its nearest side', async () => {
    const img = await rotateFree(await page(), 90 + 10);
    const { gray } = await toGray(img, 800);
    expect(estimateSkew(gray)).toBeCloseTo(10, 0);
  });

  it('tells lines that run down the image (a sideways document) from lines across it', async () => {
    for (const [angle, runs] of [
      [0, 'across'],
      [8, 'across'],
      [90 + 10, 'down'],
      [270 - 15, 'down'],
      [180 + 5, 'across'],
    ] as const) {
      const { gray } = await toGray(await rotateFree(await page(), angle), 800);
      expect(readTextLines(gray).runs, `${angle}°`).toBe(runs);
    }
  });

  it('measures the tilt of a small card from its letters when pens beside it lie square', async () => {
    const card = new Sheet(520, 320);
    for (let i = 0; i < 6; i++) await card.text(`${i + 1}. JANSEN 12.05.1985`, 24, 30 + i * 45, 22);
    const tilted = await rotateFree(await decodeRaw(await card.render('#f4f0f0')), -19);
    const { data, width, height } = tilted;
    const table = new Sheet(2400, 1800);
    // Two pens and a ruler's edge, square to the frame: denser rows than the card's text.
    table.svg(
      '<rect x="150" y="300" width="800" height="24" rx="12" fill="#333"/>' +
        '<rect x="1300" y="1500" width="900" height="20" rx="10" fill="#2a2a2a"/>' +
        '<rect x="200" y="1650" width="1000" height="9" fill="#444"/>',
    );
    table.layers.push({
      input: await sharp(data, { raw: { width, height, channels: 3 } })
        .png()
        .toBuffer(),
      left: 1300,
      top: 700,
    });
    const { gray } = await toGray(await decodeRaw(await table.render('#b9b9b9')), 800);
    expect(estimateSkew(gray)).toBeCloseTo(-19, 0);
  });

  it("takes a small card's tilt from its letters, not from a shadow's edge across the table", async () => {
    const card = new Sheet(520, 320);
    for (let i = 0; i < 6; i++) await card.text(`${i + 1}. JANSEN 12.05.1985`, 24, 30 + i * 45, 22);
    const table = new Sheet(2400, 1800);
    // A shadow over the lower part of the frame, its edge running the whole width at 16°: one
    // long line of ink at that angle, denser than the card's rows.
    table.svg(
      '<polygon points="0,1500 2400,812 2400,1800 0,1800" fill="#000" fill-opacity="0.5"/>',
    );
    table.layers.push({ input: await card.render('#f4f0f0'), left: 1000, top: 500 });
    const { gray } = await toGray(await decodeRaw(await table.render('#9a9a9a')), 800);
    expect(estimateSkew(gray)).toBeCloseTo(0, 0);
  });

  it('finds no tilt on a square page or a page without text', async () => {
    expect(estimateSkew((await toGray(await page(), 800)).gray)).toBeCloseTo(0, 0);
    const blank = await decodeRaw(
      await sharp({ create: { width: 600, height: 400, channels: 3, background: '#ddd' } })
        .png()
        .toBuffer(),
    );
    expect(estimateSkew((await toGray(blank, 800)).gray)).toBe(0);
  });

  it('maps a box found on the straightened image back onto the tilted field within 1 px', async () => {
    const original = await rotateFree(await page(), 14);
    const view = await seeView(original, { kind: 'turned', skew: 14 });
    // Where the marker lies once straightened, as a finder would report it.
    const found = centreOfRed(view.image, {
      x: 0,
      y: 0,
      width: view.image.width,
      height: view.image.height,
    });
    const box = { x: found.x - 60, y: found.y - 40, width: 120, height: 80 };
    const quad = quadThrough(view.toImage, box);
    const truth = centreOfRed(original, {
      x: 0,
      y: 0,
      width: original.width,
      height: original.height,
    });
    const centre = { x: (quad[0].x + quad[2].x) / 2, y: (quad[0].y + quad[2].y) / 2 };
    expect(Math.abs(centre.x - truth.x)).toBeLessThan(1);
    expect(Math.abs(centre.y - truth.y)).toBeLessThan(1);
    // The box comes back turned as the field is: its top edge leans 14°.
    const lean = (Math.atan2(quad[1].y - quad[0].y, quad[1].x - quad[0].x) * 180) / Math.PI;
    expect(lean).toBeCloseTo(14, 5);
  });
});
