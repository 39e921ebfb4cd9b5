import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PAGE_LONG_SIDE, pageImage } from '../../../../../electron/core/pipeline/ocr/page.ts';
import { rawInput, type RawImage } from '../../../../../electron/core/pipeline/raw-image.ts';

/** The page as sharp's own stretch makes it: the reading every finder was tuned on. */
async function sharpsPage(img: RawImage): Promise<Buffer> {
  const scale = Math.min(2.5, Math.max(0.4, PAGE_LONG_SIDE / Math.max(img.width, img.height)));
  return sharp(img.data, rawInput(img))
    .resize({ width: Math.round(img.width * scale), kernel: 'lanczos3' })
    .grayscale()
    .normalise({ lower: 0, upper: 100 })
    .png()
    .toBuffer();
}

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { data: [...data], width: info.width, height: info.height, channels: info.channels };
}

function picture(width: number, height: number, colour: (i: number) => number[]): RawImage {
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(colour(i), i * 3);
  return { data, width, height, dpi: null };
}

describe('pageImage', () => {
  it('stretches the page pixel for pixel as sharp’s normalise does, dark and pale alike', async () => {
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    const pages = [
      picture(120, 80, () => [random(), random(), random()]),
      // A pale page with a little grey ink.
      picture(90, 140, (i) => (i % 17 === 0 ? [150, 140, 160] : [230, 228, 225])),
      // Too narrow a range to stretch, and one flat grey: sharp leaves both as they are.
      picture(60, 40, (i) => (i % 2 ? [200, 200, 200] : [201, 201, 201])),
      picture(50, 50, () => [128, 128, 128]),
    ];
    for (const img of pages) {
      const ours = await pageImage(img);
      expect(await pixels(ours!.png)).toEqual(await pixels(await sharpsPage(img)));
    }
  });

  it('hands the reader one grey channel', async () => {
    const page = await pageImage(picture(300, 200, (i) => [i % 251, i % 13, 90]));
    expect((await sharp(page!.png).metadata()).channels).toBe(1);
  });

  it('gives no page for a strip too thin to hold a line of text', async () => {
    expect(await pageImage(picture(2000, 10, () => [0, 0, 0]))).toBeNull();
  });
});
