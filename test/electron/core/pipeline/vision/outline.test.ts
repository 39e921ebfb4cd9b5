import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadImage } from '../../../../../electron/core/pipeline/load.ts';
import { documentOutline } from '../../../../../electron/core/pipeline/vision/outline.ts';
import { uprightCorners } from '../../../../../shared/homography.ts';
import type { Point } from '../../../../../shared/regions.ts';
import { testPicture } from '../../../../helpers/images.ts';
import { photograph, SURFACES, type PhotoCapture } from '../../../../synth/capture.ts';
import { idCard, type SyntheticSide } from '../../../../synth/documents.ts';
import { randomHolder } from '../../../../synth/holder.ts';
import { createRng } from '../../../../synth/prng.ts';

let front: SyntheticSide;
beforeAll(async () => {
  [front] = (await idCard(randomHolder(createRng(404)), { mm: 10, seed: 405 })) as [SyntheticSide];
});

const shot = (c: Partial<PhotoCapture>): PhotoCapture => ({
  angle: 0,
  perspective: 0,
  surface: 'wood',
  glare: false,
  blur: 0,
  noise: 4,
  quality: 85,
  ...c,
});

/** The photo, its skew as the text lines give it, and the card's true corners on it. */
async function photo(c: PhotoCapture) {
  const { bytes, map } = await photograph(front.png, c, createRng(7));
  const corners = uprightCorners(front.width, front.height).map(map);
  return { img: await loadImage(bytes), corners };
}

const far = (a: readonly Point[], b: readonly Point[]) =>
  Math.max(...a.map((p, i) => Math.hypot(p.x - (b[i]?.x ?? NaN), p.y - (b[i]?.y ?? NaN))));

describe('a document outline on a photo', () => {
  it.each([
    ['tilted 14° on wood', shot({ angle: 14 })],
    ['in perspective on a dark table', shot({ angle: -6, perspective: 0.11, surface: 'dark' })],
    [
      'on fabric, blurred and noisy',
      shot({ angle: 9, perspective: 0.06, surface: 'fabric', blur: 1, noise: 8 }),
    ],
  ])('finds the card %s, every corner within 0.5 % of the photo', async (_, c) => {
    const { img, corners } = await photo(c);
    const quad = (await documentOutline(img, c.angle))?.quad ?? null;
    expect(quad).not.toBeNull();
    expect(far(quad ?? [], corners)).toBeLessThan(0.005 * Math.hypot(img.width, img.height));
  });

  it('finds it on every surface people put a card on, or says it found none', async () => {
    for (const surface of SURFACES) {
      const c = shot({ angle: -11, perspective: 0.08, surface });
      const { img, corners } = await photo(c);
      const quad = (await documentOutline(img, c.angle))?.quad ?? null;
      // A wrong outline would cut the card: none at all is allowed (the text's tilt is used).
      if (quad)
        expect(far(quad, corners), surface).toBeLessThan(0.01 * Math.hypot(img.width, img.height));
      if (surface !== 'paper') expect(quad, surface).not.toBeNull();
    }
  });

  it('takes no outline from a scan the card fills, or a picture with no document', async () => {
    expect(await documentOutline(await loadImage(front.png), 0)).toBeNull();
    const noise = await sharp({
      create: {
        width: 1200,
        height: 800,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .png()
      .toBuffer();
    expect(await documentOutline(await loadImage(await testPicture(1200, 800)), 0)).toBeNull();
    expect(await documentOutline(await loadImage(noise), 0)).toBeNull();
  });

  it('does not take a portrait frame for the card when the card edge does not show', async () => {
    // A white card on white paper: its edge is invisible, the portrait's frame is sharp.
    const { bytes } = await photograph(
      front.png,
      shot({ angle: 5, surface: 'paper', noise: 0 }),
      createRng(7),
    );
    const img = await loadImage(
      await sharp(bytes).modulate({ brightness: 1.15 }).jpeg().toBuffer(),
    );
    const quad = (await documentOutline(img, 5))?.quad;
    if (quad) {
      const wide = Math.hypot(quad[1].x - quad[0].x, quad[1].y - quad[0].y);
      expect(wide).toBeGreaterThan(0.6 * front.width);
    }
  });

  it('finds a card pens lie beside: a pen is no second document', async () => {
    // A small card turned −9° on a plain table, three pens square to the frame, one by the card.
    const corners = [
      { x: 500, y: 350 },
      { x: 890, y: 288 },
      { x: 928, y: 527 },
      { x: 538, y: 589 },
    ];
    const lines = Array.from(
      { length: 7 },
      (_, i) =>
        `<text x="20" y="${40 + i * 28}" font-family="sans-serif" font-size="16" fill="#222">` +
        `${i + 1}. JANSEN 12.05.1985</text>`,
    ).join('');
    const pen = (x: number, y: number) =>
      `<rect x="${x}" y="${y}" width="420" height="26" rx="13" fill="#1c1c1c"/>`;
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="1100" height="850">` +
      `<rect width="1100" height="850" fill="#8a7a6a"/>` +
      pen(110, 625) +
      pen(80, 100) +
      pen(600, 770) +
      `<g transform="translate(500 350) rotate(-9)">` +
      `<rect width="395" height="242" fill="#ecebe8"/>${lines}</g></svg>`;
    const img = await loadImage(await sharp(Buffer.from(svg)).jpeg().toBuffer());
    const quad = (await documentOutline(img, -9))?.quad ?? null;
    expect(quad).not.toBeNull();
    expect(far(quad ?? [], corners)).toBeLessThan(0.005 * Math.hypot(img.width, img.height));
  });

  it('never calls the card alone when a second one lies beside it', async () => {
    const c = shot({ angle: -11, perspective: 0.08, surface: 'dark' });
    const { bytes } = await photograph(front.png, c, createRng(1));
    const alone = await documentOutline(await loadImage(bytes), c.angle);
    expect(alone?.alone).toBe(true);
    // The same card's print, small, on the table below it: a second document in the photo.
    const { width = 0, height = 0 } = await sharp(bytes).metadata();
    const second = await sharp(front.png)
      .resize({ width: Math.round(width * 0.3) })
      .toBuffer();
    const both = await sharp(bytes)
      .composite([{ input: second, left: Math.round(width * 0.02), top: Math.round(height * 0.8) }])
      .jpeg()
      .toBuffer();
    const beside = await documentOutline(await loadImage(both), c.angle);
    // No outline at all, or one that knows something else lies beside it: never "alone".
    expect(beside?.alone ?? false).toBe(false);
  });
});
