import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../../../../electron/core/pipeline/ocr/engine.ts';
import { Sheet } from '../../../../synth/draw.ts';
import { passportMrz } from '../../../../helpers/passport-mrz.ts';

const ocr = new OcrEngine();
afterAll(() => ocr.close());

/** A passport's MRZ, its right half in a shadow that halves the light, at the reader's size. */
async function shadowedMrz(): Promise<Buffer> {
  const sheet = new Sheet(700, 140);
  for (const [i, l] of passportMrz().entries())
    await sheet.text(l, 30, 40 + 34 * i, 22, 'mono', '#1c1c1c');
  sheet.svg('<polygon points="330,140 700,140 700,0 420,0" fill="#000" fill-opacity="0.55"/>');
  return sharp(await sheet.render('#ece8dc'))
    .resize({ width: 1200 })
    .grayscale()
    .png()
    .toBuffer();
}

const text = (lines: { text: string }[]) => lines.map((l) => l.text).join('\n');

describe('the MRZ reader', () => {
  it('reads with one threshold beside a read thresholded locally, as it reads alone', async () => {
    const png = await shadowedMrz();
    const alone = text(await ocr.readMrz(png));
    const locally = text(await ocr.readMrz(png, true));
    // The two thresholds read this crop differently (else the test shows nothing).
    expect(locally).not.toBe(alone);
    const [besideLocal, beside] = await Promise.all([ocr.readMrz(png, true), ocr.readMrz(png)]);
    expect(text(besideLocal)).toBe(locally);
    expect(text(beside)).toBe(alone);
  });
});
