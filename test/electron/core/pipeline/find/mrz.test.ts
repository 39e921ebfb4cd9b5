import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OcrEngine } from '../../../../../electron/core/pipeline/ocr/engine.ts';
import type { OcrLine } from '../../../../../electron/core/pipeline/ocr/text.ts';
import {
  confirmMrz,
  expectedBand,
  lineBody,
  mrzWindow,
  readMrzBand,
  type MrzFinding,
} from '../../../../../electron/core/pipeline/find/mrz.ts';
import type { RawImage } from '../../../../../electron/core/pipeline/raw-image.ts';
import { td3, type MrzData } from '../../../../synth/mrz-build.ts';

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

const img: RawImage = {
  data: Buffer.alloc(800 * 600 * 3, 255),
  width: 800,
  height: 600,
  dpi: null,
};

describe('the band an MRZ must fill', () => {
  const lines = [
    'I<BEL5951210667<5262<<<<<<<<<<',
    '7003206F3401055BEL<<<<<<<<<<<4',
    'BAKER<<FLEUR<<<<<<<<<<<<<<<<<<',
  ];
  const at = (x: number, y: number, text: string) => ({
    text,
    box: { x, y, width: text.length * 10, height: 14 },
  });

  it('is the lines read when they are whole', () => {
    const read = lines.map((l, i) => at(100, 200 + 24 * i, l));
    expect(expectedBand(read, lines)).toEqual({ x: 100, y: 200, width: 300, height: 62 });
  });

  it('reaches past both ends of lines read without their first characters', () => {
    // A photo's shadow took the first three characters of each line: read 27 of 30.
    const read = lines.map((l, i) => at(130, 200 + 24 * i, l.slice(3)));
    const band = expectedBand(
      read,
      lines.map((l) => l.slice(3).padEnd(30, '<')),
    );
    expect(band.x).toBeLessThanOrEqual(100);
    expect(band.x + band.width).toBeGreaterThanOrEqual(400);
  });
});

describe('where a line read in the band runs', () => {
  const word = (text: string, x: number, y: number, width: number, height: number) => ({
    text,
    box: { x, y, width, height },
    confidence: 80,
  });
  const read = (words: ReturnType<typeof word>[]): OcrLine => ({
    text: words.map((w) => w.text).join(''),
    box: {
      x: Math.min(...words.map((w) => w.box.x)),
      y: Math.min(...words.map((w) => w.box.y)),
      width: 1100,
      height: 116,
    },
    words,
    confidence: 80,
  });

  it('leaves out a mark above the line that the reader joined to its end', () => {
    const line = read([word(l1, 149, 104, 1017, 30), word('I', 1223, 24, 34, 85)]);
    expect(lineBody(line)).toEqual({ x: 149, y: 104, width: 1017, height: 30 });
  });

  it('keeps every word of a line read in pieces', () => {
    const line = read([
      word(l1.slice(0, 20), 149, 104, 460, 30),
      word(l1.slice(20), 620, 106, 546, 29),
    ]);
    expect(lineBody(line)).toEqual({ x: 149, y: 104, width: 1017, height: 31 });
  });
});

describe('reading the MRZ band', () => {
  it('takes the lines whose check digits hold, not the print read above them', () => {
    // The generous crop caught the expiry date and a signature in the MRZ alphabet.
    const read = [line('15APRIAVR1201WJMM81MJJM', 0), line('73W5LHWWUQKWWMUH', 30)];
    const window = mrzWindow([...read, line(l1, 60), line(l2, 90)]);
    expect(window.map((l) => l.text)).toEqual([l1, l2]);
  });

  it('keeps every line read when no run of them checks out', () => {
    const broken = l2.slice(0, 9) + '0' + l2.slice(10);
    const read = [line('15APRIAVR1201WJMM81MJJM', 0), line(l1.slice(0, 30), 30), line(broken, 60)];
    expect(mrzWindow(read)).toHaveLength(3);
    // Three lines of a passport's length: which two are the MRZ cannot be told.
    expect(mrzWindow([line(l1, 0), line(l1, 30), line(broken, 60)])).toHaveLength(3);
  });

  it("takes two unchecked lines of a passport's length for its MRZ, not the print above", () => {
    // A phone photo: the expiry date above read in the MRZ alphabet, both MRZ lines misread.
    const broken = l2.slice(0, 9) + '0' + l2.slice(10);
    const read = [line('295359542323WH0HIMHHH7', 0), line(l1, 30), line(broken, 60)];
    expect(mrzWindow(read).map((l) => l.text)).toEqual([l1, broken]);
  });

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

  it('reads stacked lines again on whitened paper, and far apart at their own height', async () => {
    const widths: number[] = [];
    const ocr = {
      readMrz: async (png: Buffer) => {
        widths.push((await sharp(png).metadata()).width ?? 0);
        return [];
      },
    } as unknown as OcrEngine;
    // A visa's two 14 px lines standing 46 px apart: 30 px of band per line. Read as it is, on
    // whitened paper (in the reader's usual crop, then stretched on its own), then at the lines'
    // own height.
    await readMrzBand(img, { x: 100, y: 200, width: 500, height: 60 }, 2, ocr, 14);
    expect(widths).toHaveLength(4);
    expect(widths[2]).toBe(widths[0]);
    // 40 px per line: 1.3 times for 30 px of band per line, then 2.9 for 14 px lines.
    expect(widths[3]! / widths[0]!).toBeGreaterThan(2);
    // A passport's lines, 12 px high and 29 apart, are not read at another size.
    widths.length = 0;
    await readMrzBand(img, { x: 100, y: 200, width: 500, height: 41 }, 2, ocr, 12);
    expect(widths).toHaveLength(3);
    expect(new Set(widths).size).toBe(1);
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
});
