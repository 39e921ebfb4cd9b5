import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  inItsOwnLight,
  joinedAlongRows,
  redInk,
  redNumbers,
} from '../../../../../electron/core/pipeline/find/red-print.ts';
import type { RawImage } from '../../../../../electron/core/pipeline/raw-image.ts';
import type { OcrEngine } from '../../../../../electron/core/pipeline/ocr/engine.ts';
import type { Box } from '../../../../../shared/regions.ts';
import { decodeRaw } from '../../../../helpers/images.ts';
import { oneWordLine } from '../../../../helpers/ocr-lines.ts';
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
    return [oneWordLine(text, box, 80)];
  };
  const ocr = { readPage: read('page', pageReads), readMrz: read('mrz', true) };
  return { ocr: ocr as unknown as OcrEngine, calls };
}

/** One number found, from the serial's first character to its last. */
function expectOneAcross(found: readonly { box: Box }[], serial: Box) {
  expect(found).toHaveLength(1);
  expect(found[0]!.box.x).toBeLessThanOrEqual(serial.x + 4);
  expect(found[0]!.box.x + found[0]!.box.width).toBeGreaterThanOrEqual(serial.x + serial.width - 4);
}

/**
 * Readers that make out the serial only at their `at`th read (1 for the first), `other` before:
 * each reading on the print of the first crop read. They keep what they were given, in turn.
 */
function readsOnlyAt(at: number, other: string) {
  const seen: Buffer[] = [];
  const calls: string[] = [];
  const read = (who: string) => async (png: Buffer) => {
    calls.push(who);
    seen.push(png);
    const box = (await printIn(seen[0]!))!;
    const text = seen.length === at ? SERIAL : other;
    return [oneWordLine(text, box, 80)];
  };
  const ocr = { readPage: read('page'), readMrz: read('mrz') } as unknown as OcrEngine;
  return { ocr, calls, seen };
}

/** An 8 × 8 crop of `paper` with a column of `red` print (x = 2) and one of black (x = 5). */
function crop(paper: number[], red: number[]) {
  const data = Buffer.alloc(8 * 8 * 3);
  for (let p = 0; p < 64; p++)
    data.set(p % 8 === 2 ? red : p % 8 === 5 ? [30, 30, 30] : paper, p * 3);
  return redInk({ data, width: 8, height: 8, dpi: null }).data;
}

/** The image with every pixel from x0 to x1 (all rows) at a fifth of its light. */
function inShade(img: RawImage, x0: number, x1: number): RawImage {
  const data = Buffer.from(img.data);
  for (let y = 0; y < img.height; y++)
    for (let x = Math.round(x0); x < Math.round(x1); x++)
      for (let c = 0; c < 3; c++) {
        const i = (y * img.width + x) * 3 + c;
        data[i] = Math.round((data[i] ?? 0) / 5);
      }
  return { ...img, data };
}

describe('pieces of one line of print', () => {
  const piece = (x: number, y: number, width: number, height = 14) => ({ x, y, width, height });

  it('are joined when level with each other and a few of their heights apart', () => {
    expect(joinedAlongRows([piece(728, 274, 18, 12), piece(652, 272, 29)])).toEqual([
      { x: 652, y: 272, width: 94, height: 14 },
    ]);
  });

  it('are not joined across rows, over a wide gap, or to print of another size', () => {
    const apart = [piece(0, 0, 30), piece(30, 40, 30), piece(130, 0, 30), piece(60, 0, 30, 40)];
    expect(joinedAlongRows(apart)).toHaveLength(4);
  });
});

describe('a crop in its own light', () => {
  it('shows print in a shadow as dark against its paper as print in the light', () => {
    // Paper 230 with ink 110 in the light (left half), paper 50 with ink 24 in the shade.
    const width = 40;
    const height = 20;
    const data = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const ink = x % 10 === 4 && y > 5 && y < 15;
        const v = x < 20 ? (ink ? 110 : 230) : ink ? 24 : 50;
        data.fill(v, (y * width + x) * 3, (y * width + x + 1) * 3);
      }
    const lit = inItsOwnLight({ data, width, height, dpi: null }, 4).data;
    const at = (x: number, y: number) => lit[(y * width + x) * 3] as number;
    expect(at(2, 10)).toBeGreaterThan(245);
    expect(at(32, 10)).toBeGreaterThan(245);
    expect(Math.abs(at(4, 10) - at(34, 10))).toBeLessThan(12);
    expect(at(34, 10)).toBeLessThan(140);
  });
});

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
    expectOneAcross(found, serial);
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
    const { ocr, calls, seen } = readsOnlyAt(3, 'GFZMMI11');
    const found = await redNumbers(img, [], known, ocr, null);
    expect(found).toHaveLength(1);
    expect(calls).toEqual(['page', 'mrz', 'page']);
    // The third read is of the line as printed, not of the map the first two read.
    expect(seen[2]!.equals(seen[0]!)).toBe(false);
    expect(seen[1]!.equals(seen[0]!)).toBe(true);
  });

  it('is found whole when a shadow across its middle leaves its red only at its ends', async () => {
    const { img, serial } = await page('#f4f2f2', '#e0605a');
    // Deep shade over the middle third of the serial, and on down the page.
    const shaded = inShade(img, serial.x + serial.width / 3, serial.x + (2 * serial.width) / 3);
    const { ocr } = readers(SERIAL, false);
    const found = await redNumbers(shaded, [], known, ocr, null);
    expectOneAcross(found, serial);
  });

  it('is read in its own light when it reads as nothing as printed across a shadow', async () => {
    const { img } = await page();
    const { ocr, calls, seen } = readsOnlyAt(4, 'SLAY ieKe');
    expect(await redNumbers(img, [], known, ocr, null)).toHaveLength(1);
    expect(calls).toEqual(['page', 'mrz', 'page', 'page']);
    expect(seen[3]!.equals(seen[2]!)).toBe(false);
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
