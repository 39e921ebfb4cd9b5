import { describe, expect, it } from 'vitest';
import {
  closerLook,
  closerLookUnread,
} from '../../../../../electron/core/pipeline/find/closer-look.ts';
import type { Finding } from '../../../../../electron/core/pipeline/find/finding.ts';
import type { OcrEngine } from '../../../../../electron/core/pipeline/ocr/engine.ts';
import type { OcrLine } from '../../../../../electron/core/pipeline/ocr/text.ts';
import type { RawImage } from '../../../../../electron/core/pipeline/raw-image.ts';

const img: RawImage = {
  data: Buffer.alloc(1000 * 600 * 3, 255),
  width: 1000,
  height: 600,
  dpi: null,
};
const line = (text: string, x: number, y: number): OcrLine => {
  const box = { x, y, width: 12 * text.length, height: 20 };
  return { text, box, words: [{ text, box, confidence: 60 }], confidence: 60 };
};

/** An OCR engine that reads `text` in any crop it is given, recording the crops' sizes. */
function engine(text: string) {
  const crops: number[] = [];
  const ocr = {
    readPage: async (png: Buffer) => {
      crops.push(png.length);
      return [line(text, 30, 30)];
    },
  } as unknown as OcrEngine;
  return { ocr, crops };
}

const known = { documentNumbers: ['GMG9W51V4'], personalNumbers: [] };
const none = { documentNumbers: [], personalNumbers: [] };
const field: Finding = {
  kind: 'document_number',
  box: { x: 600, y: 200, width: 108, height: 20 },
  confidence: 0.95,
  via: 'mrz-value',
  secret: 'GMG9W51V4',
};

describe('a closer look at lines that half show a known number', () => {
  it('reads a garbled second print again on its own and finds the number there', async () => {
    const { ocr, crops } = engine('GMG9W51V4');
    const page = [line('Ee 1v4', 700, 20), line('GMG9W51V4', 600, 200), line('UTOPIA', 40, 40)];
    const found = await closerLook(img, page, [field], known, ocr);
    // Only the garbled line is read again: the field is found already, UTOPIA shares nothing.
    expect(crops).toHaveLength(1);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'document_number', secret: 'GMG9W51V4' });
    // In image pixels, inside the crop around the garbled line.
    expect(found[0]!.box.x).toBeGreaterThanOrEqual(700 - 20);
    expect(found[0]!.box.x).toBeLessThan(700 + 72);
  });

  it('takes nothing when the closer reading does not show the number', async () => {
    const { ocr, crops } = engine('Ee 1v4');
    const found = await closerLook(img, [line('Ee 1v4', 700, 20)], [field], known, ocr);
    expect(crops).toHaveLength(1);
    expect(found).toEqual([]);
  });

  it('reads nothing again when the MRZ gave no number', async () => {
    const { ocr, crops } = engine('GMG9W51V4');
    expect(await closerLook(img, [line('Ee 1v4', 700, 20)], [], none, ocr)).toEqual([]);
    expect(crops).toHaveLength(0);
  });

  it('reads at most a handful of lines on a page full of look-alikes', async () => {
    const { ocr, crops } = engine('nothing');
    const page = Array.from({ length: 20 }, (_, i) => line('G9W1V', 10, 25 * i));
    await closerLook(img, page, [field], known, ocr);
    expect(crops.length).toBeLessThanOrEqual(6);
  });
});

describe('a closer look at odd print on a front whose number no reading found', () => {
  const portrait: Finding = {
    kind: 'photo',
    box: { x: 40, y: 100, width: 200, height: 260 },
    confidence: 0.9,
    via: 'face',
  };
  // The number split into pieces OCR read with confidence, beside labels and names.
  const page = [
    line('Documentnummer', 300, 80),
    line('LDDI2', 300, 110),
    line('1DK', 380, 110),
    line('Naam', 300, 150),
  ];

  it('reads the odd pieces again with their row and finds the number there', async () => {
    const { ocr, crops } = engine('LDDI21DK8');
    const found = await closerLookUnread(img, page, [portrait], none, ocr);
    // One crop: the second piece lies in the first one's row, read with it.
    expect(crops).toHaveLength(1);
    expect(found).toContainEqual(
      expect.objectContaining({ kind: 'document_number', secret: 'LDDI21DK8' }),
    );
  });

  it('reads nothing again when the number was found, or on a side without a portrait', async () => {
    const { ocr, crops } = engine('LDDI21DK8');
    expect(await closerLookUnread(img, page, [portrait, field], none, ocr)).toEqual([]);
    expect(await closerLookUnread(img, page, [], none, ocr)).toEqual([]);
    expect(crops).toHaveLength(0);
  });

  it('takes only numbers from what it reads again', async () => {
    for (const text of ['DEKKER', '23 OKT/OCT 1978', 'AM/B']) {
      const { ocr } = engine(text);
      expect(await closerLookUnread(img, page, [portrait], none, ocr), text).toEqual([]);
    }
  });

  it('takes a word that can only be the number, a character off its pattern', async () => {
    for (const text of ['LDDI21DKS8', '22127224046']) {
      const { ocr } = engine(text);
      expect(await closerLookUnread(img, page, [portrait], none, ocr), text).toContainEqual(
        expect.objectContaining({ kind: 'document_number', via: 'closer-look', secret: text }),
      );
    }
  });
});
