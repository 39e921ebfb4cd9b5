import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../../electron/core/pipeline/find/finding.ts';
import { secondLook } from '../../../../../electron/core/pipeline/find/second-look.ts';
import type { OcrEngine } from '../../../../../electron/core/pipeline/ocr/engine.ts';
import type { OcrLine } from '../../../../../electron/core/pipeline/ocr/text.ts';
import type { RawImage } from '../../../../../electron/core/pipeline/raw-image.ts';

const img: RawImage = {
  data: Buffer.alloc(1000 * 600 * 3, 255),
  width: 1000,
  height: 600,
  dpi: null,
};
const word = (text: string, x: number, y: number): OcrLine => {
  const box = { x, y, width: 12 * text.length, height: 20 };
  return { text, box, words: [{ text, box, confidence: 90 }], confidence: 90 };
};
// Five lines of ordinary page text: a page worth a second look.
const page = [0, 1, 2, 3, 4].map((i) => word(`Naam ${i}`, 10, 40 * i));

/** An OCR engine whose page reading shows `lines` in every crop it is given, counting calls. */
function engine(lines: OcrLine[]) {
  const calls = { n: 0 };
  const ocr = {
    readPage: async () => {
      calls.n++;
      return lines;
    },
  } as unknown as OcrEngine;
  return { ocr, calls };
}

const known = { documentNumbers: ['JY1B8S045'], personalNumbers: [] };
// The side holds a portrait: its document number is printed on it.
const portrait: Finding = {
  kind: 'photo',
  box: { x: 700, y: 100, width: 200, height: 260 },
  confidence: 0.9,
  via: 'face',
};

describe('a second look at the page in quarters', () => {
  it('finds a number the MRZ gave but the page text missed, in image pixels', async () => {
    const { ocr, calls } = engine([word('JY1B8S045', 50, 30)]);
    const found = await secondLook(img, page, [portrait], known, ocr, null);
    expect(calls.n).toBe(4);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.kind === 'document_number' && f.via === 'mrz-value')).toBe(true);
    // A 600-pixel quarter is read enlarged 2.5 times (the stub's x 50 is 20 in the quarter), and
    // put back where the quarter lies: the right-hand quarters start at 40 % of the width.
    const xs = found.map((f) => Math.round(f.box.x));
    expect(xs).toContain(20);
    expect(xs).toContain(400 + 20);
  });

  it('reads nothing more when every number was found already', async () => {
    const { ocr, calls } = engine([word('JY1B8S045', 50, 30)]);
    const already: Finding = {
      kind: 'document_number',
      box: { x: 0, y: 0, width: 10, height: 10 },
      confidence: 0.95,
      via: 'mrz-value',
    };
    expect(await secondLook(img, page, [portrait, already], known, ocr, null)).toEqual([]);
    expect(calls.n).toBe(0);
  });

  it('does not look twice at a photo with hardly any text', async () => {
    const { ocr, calls } = engine([word('JY1B8S045', 50, 30)]);
    expect(await secondLook(img, page.slice(0, 2), [portrait], known, ocr, null)).toEqual([]);
    expect(calls.n).toBe(0);
  });

  it('does not look again for a document number on a side without a portrait (a card back)', async () => {
    const { ocr, calls } = engine([word('JY1B8S045', 50, 30)]);
    expect(await secondLook(img, page, [], known, ocr, null)).toEqual([]);
    expect(calls.n).toBe(0);
  });

  it('leaves out what lies in the MRZ band, which is covered already', async () => {
    const { ocr } = engine([word('JY1B8S045', 50, 30)]);
    const band = { x: 0, y: 0, width: 1000, height: 600 };
    expect(await secondLook(img, page, [portrait], known, ocr, band)).toEqual([]);
  });
});
