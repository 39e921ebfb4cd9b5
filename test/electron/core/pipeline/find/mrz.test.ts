import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OcrEngine } from '../../../../../electron/core/pipeline/ocr/engine.ts';
import type { OcrLine } from '../../../../../electron/core/pipeline/ocr/text.ts';
import {
  confirmMrz,
  findMrz,
  readMrzBand,
  type MrzFinding,
} from '../../../../../electron/core/pipeline/find/mrz.ts';
import type { RawImage } from '../../../../../electron/core/pipeline/raw-image.ts';
import { td3, type MrzData } from '../../../../synth/mrz-build.ts';
import type { Box } from '../../../../../shared/regions.ts';

const person: MrzData = {
  docCode: 'P',
  state: 'UTO',
  surname: 'Eriksson',
  given: 'Anna Maria',
  documentNumber: 'L898902C3',
  nationality: 'UTO',
  birth: '740812',
  sex: 'F',
  expiry: '120415',
  optional: 'ZE184226B',
};
const [l1, l2] = td3(person);
const line = (text: string, y: number): OcrLine => ({
  text,
  box: { x: 20, y, width: 600, height: 20 },
  words: [],
  confidence: 80,
});

/** A line of ordinary print as the page reader reads it, sure of each word, `pitch` px apart. */
const printed = (text: string, box: Box, pitch: number): OcrLine => ({
  text,
  box,
  words: text.split(' ').map((w, i) => ({
    text: w,
    confidence: 92,
    box: { ...box, x: box.x + pitch * i, width: pitch - 20 },
  })),
  confidence: 92,
});

const img: RawImage = {
  data: Buffer.alloc(800 * 600 * 3, 255),
  width: 800,
  height: 600,
  dpi: null,
};

describe('reading the MRZ band', () => {
  it('reads a band the page text found again, and a valid reading wins over a failed band', async () => {
    let reads = 0;
    const ocr = {
      readMrz: async () => {
        reads++;
        return [line(l1, 40), line(l2, 80)];
      },
    } as unknown as OcrEngine;
    const failed: MrzFinding = {
      box: { x: 100, y: 200, width: 500, height: 40 },
      lines: ['D3R3MBSWID8R9M9M4IIW8HOG2AUH1WIWIAMOIM<<<<<<', '0'.repeat(44)],
      info: null,
    };
    const textBand = {
      box: { x: 40, y: 480, width: 700, height: 60 },
      lines: ['P<UTOERIKSSON<<ANNA', l2],
    };
    const mrz = await confirmMrz(img, failed, [textBand], ocr);
    expect(reads).toBe(1);
    expect(mrz?.info).toMatchObject({ documentNumber: 'L898902C3', valid: true });
    expect(mrz?.box.y).toBeGreaterThan(400);
  });

  it('takes lines longer than any MRZ line for other print read in the MRZ alphabet', async () => {
    const reading = (lines: string[]) =>
      ({ readMrz: async () => lines.map((t, i) => line(t, 40 * i)) }) as unknown as OcrEngine;
    const band = { x: 100, y: 200, width: 500, height: 40 };
    // A card's data lines in a typewriter face, read with the MRZ alphabet: 60 to 75 characters.
    const typed = [
      'JQ79352NPNKK59515J513<S323S13365<32515235112JMSH24<31135523391',
      '518333151MQE3ZN5GPSLQWE71<5337121323531254335551531315553212355133141E3283',
    ];
    expect(await readMrzBand(img, band, 2, reading(typed))).toBeNull();
    // An MRZ read with its check digits broken is still one.
    const broken = [l1, l2.slice(0, 9) + '0' + l2.slice(10)];
    expect(await readMrzBand(img, band, 2, reading(broken))).not.toBeNull();
  });

  it("takes the page text's reading of a visa over a garbled band reading of it", async () => {
    // The MRZ reader, misled by the foil's guilloche, reads a wrong TD1 whose document number's
    // check digit holds by chance; the page reader read the visa's two lines with an O for a 0.
    const garbled = [
      '314XL2AWHMM1H11HULQ2214173<1<<',
      'VCRSPECINEN<<SPECIREN<<<<<<<<<',
      'F0000000050700311063H1Q01163<H',
    ];
    const ocr = {
      readMrz: async () => garbled.map((t, i) => line(t, 40 * i)),
    } as unknown as OcrEngine;
    const band = { x: 40, y: 300, width: 700, height: 60 };
    const banded = await readMrzBand(img, band, 3, ocr);
    expect(banded?.info?.numberValid).toBe(true);
    const textBand = {
      box: { x: 40, y: 480, width: 700, height: 60 },
      lines: ['VCFRASPECIMENS<SPECIMEN<<<CC<LLLLLLL', 'FOO0000005UTO00311063M1401143<M300703'],
    };
    const mrz = await confirmMrz(img, banded, [textBand], ocr);
    expect(mrz?.info?.documentNumber?.replace(/O/g, '0')).toBe('F00000000');
    // The black still covers both places.
    expect(mrz?.box.y).toBeLessThanOrEqual(band.y);
    expect(mrz!.box.y + mrz!.box.height).toBeGreaterThanOrEqual(540);
  });

  it("covers only the MRZ's rows of a band reading that took the print above for a line", async () => {
    // Varied seed 41 nl-passport-63-exif-phone: the MRZ reader read the expiry above a passport's
    // MRZ as a first line and the two MRZ lines cut to 30 characters (a card's); the page text's
    // reading won, but the box kept that extra line: the black covered the expiry, and the
    // layout placed from the box put the number's zone above the page.
    const expiry = '353231235M50MIMWFIEVFIIIGUBA<<';
    const ocr = {
      // In the crop's pixels: the expiry's line above the band, the MRZ's two on its rows.
      readMrz: async () => [
        line(expiry, 10),
        line(l1.slice(0, 30), 90),
        line(l2.slice(0, 30), 130),
      ],
    } as unknown as OcrEngine;
    const textBand = { box: { x: 40, y: 480, width: 700, height: 60 }, lines: [l1, l2] };
    const mrz = await confirmMrz(img, null, [textBand], ocr);
    expect(mrz?.info).toMatchObject({ format: 'TD3', valid: true });
    expect(mrz!.box.y).toBeGreaterThanOrEqual(475);
    expect(mrz!.box.y + mrz!.box.height).toBeGreaterThanOrEqual(540);
  });

  it('reads stacked lines again on whitened paper, and far apart at their own height', async () => {
    const widths: number[] = [];
    const ocr = {
      readMrz: async (png: Buffer) => {
        widths.push((await sharp(png).metadata()).width ?? 0);
        return [];
      },
    } as unknown as OcrEngine;
    // A visa's two 14 px lines standing 46 px apart: 30 px of band per line. Read as it is, on
    // whitened paper (in the reader's usual crop, then stretched on its own), thresholded part by
    // part, then at the lines' own height.
    await readMrzBand(img, { x: 100, y: 200, width: 500, height: 60 }, 2, ocr, 14);
    expect(widths).toHaveLength(5);
    expect(widths[2]).toBe(widths[0]);
    expect(widths[3]).toBe(widths[0]);
    // 40 px per line: 1.3 times for 30 px of band per line, then 2.9 for 14 px lines.
    expect(widths[4]! / widths[0]!).toBeGreaterThan(2);
    // A passport's lines, 12 px high and 29 apart, are not read at another size.
    widths.length = 0;
    await readMrzBand(img, { x: 100, y: 200, width: 500, height: 41 }, 2, ocr, 12);
    expect(widths).toHaveLength(4);
    expect(new Set(widths).size).toBe(1);
  });

  it('reads a band that no one threshold made legible thresholded part by part', async () => {
    // A large MRZ on a card photographed upside down: its crop reached past the card into the
    // view's white fill, and one threshold for all of it took the grey card for ink.
    const looks: boolean[] = [];
    const ocr = {
      readMrz: async (_png: Buffer, local?: boolean) => {
        looks.push(!!local);
        return local ? [line(l1, 0), line(l2, 40)] : [];
      },
    } as unknown as OcrEngine;
    const found = await readMrzBand(img, { x: 100, y: 200, width: 500, height: 41 }, 2, ocr, 12);
    expect(found?.info?.valid).toBe(true);
    expect(looks).toEqual([false, false, false, true]);
  });

  it('does not read again stacked lines that read as lines of other print', async () => {
    let reads = 0;
    const print = ['HOOFDSTRAAT12AMSTERDAMNEDERLAND', 'GEMEENTEAMSTERDAMAFGIFTE2019'];
    const ocr = {
      readMrz: async () => {
        reads++;
        return print.map((t, i) => line(t, 40 * i));
      },
    } as unknown as OcrEngine;
    // Its threshold held (the reader made out whole lines): another look costs a quarter to half
    // a second and finds no MRZ there.
    expect(
      await readMrzBand(img, { x: 100, y: 200, width: 500, height: 60 }, 2, ocr, 14),
    ).toBeNull();
    expect(reads).toBe(1);
  });

  it('does not read again stacked short fields that the page text read as ordinary print', async () => {
    let reads = 0;
    // A card's dates and place, three short fields stacked: no line read long enough to tell the
    // threshold held.
    const ocr = {
      readMrz: async () => {
        reads++;
        return ['04APRAPR1971', 'NGGGFIGHGSG', '11MEIMAY2035'].map((t, i) => line(t, 40 * i));
      },
    } as unknown as OcrEngine;
    const band = { x: 100, y: 200, width: 500, height: 60 };
    const at = (y: number) => ({ x: 100, y, width: 480, height: 20 });
    const pageText = [
      printed('04 APR/APR 1971', at(202), 170),
      printed('11 MEI/MAY 2035', at(232), 170),
    ];
    expect(await readMrzBand(img, band, 2, ocr, 14, Promise.resolve(pageText))).toBeNull();
    expect(reads).toBe(1);
    // Without the page text to go by, they are looked at again.
    reads = 0;
    await readMrzBand(img, band, 2, ocr, 14);
    expect(reads).toBeGreaterThan(1);
  });

  it('in the self-check, reads no band the page text read as ordinary print, the likeliest too', async () => {
    // Two stacked lines of character-like blocks, an MRZ's shape, that the page reader read as a
    // card's dates.
    const page: RawImage = { ...img, data: Buffer.alloc(800 * 600 * 3, 235) };
    for (const top of [400, 430])
      for (let i = 0; i < 40; i++)
        for (let y = top; y < top + 12; y++)
          page.data.fill(20, (y * 800 + 60 + i * 14) * 3, (y * 800 + 69 + i * 14) * 3);
    const at = (y: number) => ({ x: 60, y, width: 560, height: 14 });
    const pageText = Promise.resolve([
      printed('04 APR/APR 1971', at(399), 190),
      printed('11 MEI/MAY 2035', at(429), 190),
    ]);
    let reads = 0;
    const ocr = {
      readMrz: async () => {
        reads++;
        return [];
      },
    } as unknown as OcrEngine;
    expect(await findMrz(page, ocr, pageText, true)).toBeNull();
    expect(reads).toBe(0);
    // In detection the likeliest band is read at once, beside the page reader.
    expect(await findMrz(page, ocr, pageText)).toBeNull();
    expect(reads).toBeGreaterThan(0);
  });
});
