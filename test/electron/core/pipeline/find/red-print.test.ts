import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { redInk, redNumbers } from '../../../../../electron/core/pipeline/find/red-print.ts';
import type { OcrEngine } from '../../../../../electron/core/pipeline/ocr/engine.ts';
import type { OcrLine } from '../../../../../electron/core/pipeline/ocr/text.ts';
import type { Box } from '../../../../../shared/regions.ts';
import { decodeRaw } from '../../../../helpers/images.ts';
import { Sheet } from '../../../../synth/draw.ts';

const SERIAL = 'BC3SM4V34';
const known = { documentNumbers: [SERIAL], personalNumbers: [] };

/** A pale page in glare: black print, and the number again in faded red. */
async function page(paper = '#f4f2f2', red = '#f0b4b4') {
  const sheet = new Sheet(1200, 800);
  await sheet.text('Documentnummer / Document no.', 100, 100, 28, 'sans', '#222222');
  await sheet.text('BAKKER ANNA 01 DEC 1998', 100, 300, 30, 'sans', '#222222');
  const serial = await sheet.text(SERIAL, 800, 90, 34, 'mono', red);
  return { img: await decodeRaw(await sheet.render(paper)), serial };
}

/** The box of the dark pixels in a PNG (what a reader would see as print). */
async function printIn(png: Buffer): Promise<Box | null> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++)
      if ((data[y * info.width + x] ?? 255) < 128) {
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Readers that see `text` wherever a crop shows dark print; the page reader only if asked. */
function readers(text: string, pageReads: boolean) {
  const calls: string[] = [];
  const read = (who: string, reads: boolean) => async (png: Buffer) => {
    calls.push(who);
    const box = await printIn(png);
    if (!box || !reads) return [];
    const line: OcrLine = { text, box, words: [{ text, box, confidence: 80 }], confidence: 80 };
    return [line];
  };
  const ocr = { readPage: read('page', pageReads), readMrz: read('mrz', true) };
  return { ocr: ocr as unknown as OcrEngine, calls };
}

/** An 8 × 8 crop of `paper` with a column of `red` print (x = 2) and one of black (x = 5). */
function crop(paper: number[], red: number[]) {
  const data = Buffer.alloc(8 * 8 * 3);
  for (let p = 0; p < 64; p++)
    data.set(p % 8 === 2 ? red : p % 8 === 5 ? [30, 30, 30] : paper, p * 3);
  return redInk({ data, width: 8, height: 8, dpi: null }).data;
}

describe('the red ink map', () => {
  it('shows faded red print dark and leaves black print and glare white', () => {
    const data = crop([250, 250, 250], [240, 180, 180]);
    expect(data[2 * 3]).toBeLessThan(100);
    expect(data[5 * 3]).toBe(255);
    expect(data[0]).toBe(255);
  });

  it('shows red print dark against paper that is reddish itself, and the paper white', () => {
    const data = crop([220, 170, 120], [210, 70, 60]);
    expect(data[2 * 3]).toBeLessThan(100);
    expect(data[5 * 3]).toBe(255);
    expect(data[0]).toBe(255);
  });
});

describe('a known number printed again in red, faded in glare', () => {
  it('is read on its redness alone and blacked where it is printed', async () => {
    const { img, serial } = await page();
    const { ocr, calls } = readers(SERIAL, false);
    const found = await redNumbers(img, [], known, ocr, null);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'document_number', via: 'mrz-value' });
    const box = found[0]!.box;
    expect(box.x).toBeLessThanOrEqual(serial.x + 4);
    expect(box.x + box.width).toBeGreaterThanOrEqual(serial.x + serial.width - 4);
    expect(box.y).toBeLessThanOrEqual(serial.y + serial.height / 2);
    expect(box.y + box.height).toBeGreaterThanOrEqual(serial.y + serial.height / 2);
    // The black print is no red line: only the serial was read, by both readers in turn.
    expect(calls).toEqual(['page', 'mrz']);
  });

  it('is found on paper that warm light or a brown shade made reddish itself', async () => {
    // The paper is 70 levels redder than grey; the serial is redder than its paper by 40.
    const { img, serial } = await page('#d9a877', '#c0504a');
    const { ocr } = readers(SERIAL, false);
    const found = await redNumbers(img, [], known, ocr, null);
    expect(found).toHaveLength(1);
    expect(found[0]!.box.x).toBeLessThanOrEqual(serial.x + 4);
    expect(found[0]!.box.x + found[0]!.box.width).toBeGreaterThanOrEqual(
      serial.x + serial.width - 4,
    );
  });

  it('is the only line read on warm paper in a coarse JPEG, whose black print is fringed red', async () => {
    const sheet = new Sheet(1200, 800);
    for (let i = 0; i < 6; i++)
      await sheet.text('KONINKRIJK BAKKER ANNA 01 DEC', 100, 200 + 90 * i, 30, 'sans', '#3a2418');
    await sheet.text(SERIAL, 800, 90, 34, 'mono', '#c0282d');
    const photo = await sharp(await sheet.render('#e8c49c'))
      .blur(0.8)
      .jpeg({ quality: 60, chromaSubsampling: '4:2:0' })
      .toBuffer();
    const { ocr, calls } = readers(SERIAL, false);
    expect(await redNumbers(await decodeRaw(photo), [], known, ocr, null)).toHaveLength(1);
    expect(calls).toEqual(['page', 'mrz']);
  });

  it('is not looked for off the document, nor under the MRZ', async () => {
    const { img, serial } = await page();
    const { ocr, calls } = readers(SERIAL, false);
    const elsewhere = { x: 0, y: 400, width: 700, height: 400 };
    expect(await redNumbers(img, [], known, ocr, elsewhere)).toEqual([]);
    const mrz = { kind: 'mrz' as const, box: serial, confidence: 0.99, via: 'TD3' as const };
    expect(await redNumbers(img, [mrz], known, ocr, null)).toEqual([]);
    expect(calls).toEqual([]);
    const around = { x: 0, y: 0, width: 1200, height: 800 };
    expect(await redNumbers(img, [], known, ocr, around)).toHaveLength(1);
  });

  it('is read as printed when neither reader makes it out on the red map', async () => {
    // Half in a glare spot, a serial's red was too weak there for the map, which faded its end
    // to nothing ("GFZMMI11"), while its print still read plainly.
    const { img } = await page();
    const seen: Buffer[] = [];
    const calls: string[] = [];
    const read = (who: string) => async (png: Buffer) => {
      calls.push(who);
      seen.push(png);
      const box = (await printIn(seen[0]!))!;
      const text = seen.length === 3 ? SERIAL : 'GFZMMI11';
      return [{ text, box, words: [{ text, box, confidence: 80 }], confidence: 80 }];
    };
    const ocr = { readPage: read('page'), readMrz: read('mrz') } as unknown as OcrEngine;
    const found = await redNumbers(img, [], known, ocr, null);
    expect(found).toHaveLength(1);
    expect(calls).toEqual(['page', 'mrz', 'page']);
    // The third read is of the line as printed, not of the map the first two read.
    expect(seen[2]!.equals(seen[0]!)).toBe(false);
    expect(seen[1]!.equals(seen[0]!)).toBe(true);
  });

  it('keeps no reading that is not the number', async () => {
    const { img } = await page();
    const { ocr } = readers('XY7730012', true);
    expect(await redNumbers(img, [], known, ocr, null)).toEqual([]);
  });

  it('reads nothing when the MRZ gave no number', async () => {
    const { img } = await page();
    const { ocr, calls } = readers(SERIAL, true);
    expect(
      await redNumbers(img, [], { documentNumbers: [], personalNumbers: [] }, ocr, null),
    ).toEqual([]);
    expect(calls).toEqual([]);
  });
});
