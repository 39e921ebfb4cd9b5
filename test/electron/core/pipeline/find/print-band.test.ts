import { describe, expect, it } from 'vitest';
import { printBand } from '../../../../../electron/core/pipeline/find/print-band.ts';
import { findNumbers } from '../../../../../electron/core/pipeline/find/numbers.ts';
import type { OcrLine, OcrWord } from '../../../../../electron/core/pipeline/ocr/text.ts';

const word = (text: string, x: number, y: number, width: number, height: number): OcrWord => ({
  text,
  box: { x, y, width, height },
  confidence: 80,
});

// A Belgian card number read on a phone photo of the card (be-id-front-91-phone): guilloche
// strokes joined to three of its digit groups; the last group's box is the print's.
const onGuilloche = [
  word('593.', 640, 695, 60, 88),
  word('4058', 710, 693, 70, 82),
  word('184-', 790, 706, 66, 70),
  word('55', 866, 722, 36, 26),
];

describe('print band of a line of words', () => {
  it('keeps a number on guilloche to its print, clear of the dates above and below', () => {
    const box = printBand(onGuilloche);
    // The print (722–748) with half its height above and below.
    expect(box.y).toBeCloseTo(709);
    expect(box.y + box.height).toBeCloseTo(761);
    expect([box.x, box.width]).toEqual([640, 262]);
  });

  it('takes the whole height where the words do not line up (a tilted line)', () => {
    const tilted = [
      word('593.', 640, 600, 60, 30),
      word('4058', 710, 615, 70, 30),
      word('18455', 790, 630, 90, 30),
    ];
    expect(printBand(tilted)).toEqual({ x: 640, y: 600, width: 240, height: 60 });
  });

  it('leaves room for the tilt a page read as it lies may still have', () => {
    // A wide line: 2° over 1000 px is 35 px, more than half the print's height.
    const wide = [word('123456', 0, 60, 400, 120), word('78', 960, 130, 40, 20)];
    const box = printBand(wide);
    expect(box.y).toBeCloseTo(130 - 34.92, 1);
    expect(box.y + box.height).toBe(180);
  });

  it('keeps the union for one word, and for words without a group of digits', () => {
    expect(printBand([word('593405818455', 0, 10, 200, 80)])).toEqual({
      x: 0,
      y: 10,
      width: 200,
      height: 80,
    });
    // Lower-case print is shorter than the line's capitals and digits: no measure of it.
    const letters = [word('nummer', 0, 0, 90, 60), word('ab', 100, 20, 30, 16)];
    expect(printBand(letters)).toEqual({ x: 0, y: 0, width: 130, height: 60 });
  });

  it('gives the number finder the print band, not the union of guilloche boxes', () => {
    const line: OcrLine = {
      text: onGuilloche.map((w) => w.text).join(' '),
      box: { x: 640, y: 693, width: 262, height: 90 },
      words: onGuilloche,
      confidence: 79,
    };
    const found = findNumbers([line], { documentNumbers: [], personalNumbers: [] });
    const card = found.find((f) => f.via === 'mod-97' && f.kind === 'document_number');
    expect(card?.box.y).toBeCloseTo(709);
    expect(card?.box.height).toBeCloseTo(52);
  });
  it("ends a number's box where the label above it, taken into the box, ends", () => {
    // A Belgian card number read as one word on a framed photo (be-id-front-53): its box ran from
    // its label's top to the next label's, over the date of birth above once grown by its margin.
    const label: OcrLine = {
      text: 'Kaartnr / Card No',
      box: { x: 1350, y: 2258, width: 200, height: 70 },
      words: [
        word('Kaartnr', 1350, 2288, 85, 18),
        word('/', 1445, 2258, 8, 70),
        word('Card', 1463, 2290, 28, 15),
      ],
      confidence: 80,
    };
    const number = word('593.7819265-58', 1350, 2285, 323, 88);
    const line: OcrLine = { text: number.text, box: number.box, words: [number], confidence: 80 };
    const found = findNumbers([label, line], { documentNumbers: [], personalNumbers: [] });
    const card = found.find((f) => f.via === 'mod-97' && f.kind === 'document_number');
    expect(card?.box).toEqual({ x: 1350, y: 2306, width: 323, height: 67 });
  });

  it('ends it at labels whose boxes start a little above it and end a little below it', () => {
    // A Dutch card's number on a phone photo (varied seed 67, nl-id-front-22-exif-phone): its
    // word's box took in the rows of the label above and of the next label below, each sticking
    // out of it by a few pixels.
    const labels: OcrLine[] = [
      {
        text: 'Do',
        box: { x: 505, y: 332, width: 17, height: 10.5 },
        words: [word('Do', 505, 332, 17, 10.5)],
        confidence: 60,
      },
      {
        text: 'Naar',
        box: { x: 498, y: 383, width: 33, height: 10 },
        words: [word('Naar', 498, 383, 33, 10)],
        confidence: 60,
      },
    ];
    const number = word('CRMEZN3P5', 505, 335, 134, 55.6);
    const line: OcrLine = { text: number.text, box: number.box, words: [number], confidence: 80 };
    const found = findNumbers([...labels, line], {
      documentNumbers: ['CRMEZN3P5'],
      personalNumbers: [],
    });
    const card = found.find((f) => f.kind === 'document_number');
    expect(card?.box.y).toBeCloseTo(342.5);
    expect((card?.box.y ?? 0) + (card?.box.height ?? 0)).toBeCloseTo(383);
  });

  it("keeps the rest of the number, read as a line of its own at the box's edge", () => {
    // A passport's number on a phone photo of a page lying sideways (varied seed 73,
    // foreign-passport-86-phone): read as "BPOXBS564:" (a word whose box took in its label's row
    // above) and "42", a line of its own, 1.6 px lower than that box. Ended at "42", the box kept
    // the label's row and left the number readable under it.
    const label: OcrLine = {
      text: 'MMER / DC',
      box: { x: 895, y: 159, width: 78, height: 12.5 },
      words: [word('MMER / DC', 895, 159, 78, 12.5)],
      confidence: 60,
    };
    const number = word('BPOXBS564:', 777, 155.3, 133.5, 41.4);
    const tail = word('42', 890, 179.5, 28.9, 18.7);
    const lines: OcrLine[] = [
      label,
      { text: number.text, box: number.box, words: [number], confidence: 80 },
      { text: tail.text, box: tail.box, words: [tail], confidence: 80 },
    ];
    const found = findNumbers(lines, { documentNumbers: ['BPOXB5642'], personalNumbers: [] });
    const box = found.find((f) => f.kind === 'document_number')?.box;
    expect(box?.y).toBeCloseTo(155.3);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeCloseTo(196.7);
  });
});
