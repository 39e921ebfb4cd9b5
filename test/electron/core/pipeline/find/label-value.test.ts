import { describe, expect, it } from 'vitest';
import { valueInPieces } from '../../../../../electron/core/pipeline/find/label-value.ts';
import { findNumbers } from '../../../../../electron/core/pipeline/find/numbers.ts';
import type { OcrLine } from '../../../../../electron/core/pipeline/ocr/text.ts';

/** One line of one word, `chars` wide at 21 px a character, 23 px tall (13 for a label). */
function at(text: string, x: number, y: number, height = 23): OcrLine {
  const box = { x, y, width: text.length * 21, height };
  return { text, box, words: [{ text, box, confidence: 90 }], confidence: 90 };
}

// Seed 19 nl-id-front-5: glare over the number QBMGJ6JI1 and the label's start; read were the
// label's end, right of the number, and two pieces of it.
const label = {
  ...at('Document no', 760, 448, 13),
  box: { x: 760, y: 448, width: 111, height: 13 },
};

describe('a number under its label read in pieces', () => {
  it('covers the row from its first piece to a number of nine characters', () => {
    const pieces = [label, at('QBM', 583, 472), at('11', 712, 472), at('HENDRIKS', 583, 514)];
    expect(valueInPieces(pieces, label)).toEqual({ x: 583, y: 472, width: 9 * 21, height: 23 });
    expect(findNumbers(pieces, { documentNumbers: [], personalNumbers: [] })).toContainEqual(
      expect.objectContaining({ kind: 'document_number', via: 'label' }),
    );
  });

  it('places pieces read as part of the number the MRZ gives in it, its lost characters before', () => {
    // Varied seed 41 foreign-passport-85-exif-phone: only "335Y1", the end of DGBI335Y1, was read
    // under the label; the black ran on from it to the right, and "DGBI" stayed readable.
    const tail = [label, at('335Y1', 700, 472)];
    // Four characters lost before it, and half a character more, at the 21 px it was read at.
    expect(valueInPieces(tail, label, ['DGBI335Y1'])).toEqual({
      x: 700 - 4.5 * 21,
      y: 472,
      width: 5 * 21 + 4.5 * 21,
      height: 23,
    });
    const known = { documentNumbers: ['DGBI335Y1'], personalNumbers: [] };
    expect(findNumbers(tail, known)).toContainEqual(
      expect.objectContaining({
        kind: 'document_number',
        box: expect.objectContaining({ x: 605.5 }),
      }),
    );
  });

  it('takes no pitch from a "line" far taller than print under the label', () => {
    // Varied seed 63 be-id-front-27-scan: "FT" (53 px tall, in the portrait's frame at the left)
    // was taken for the first piece of the card number below its label; at its 95 px a character
    // the black ran 860 px, across the card's expiry.
    const cardLabel = at('KAARTNR / CARD NO', 223, 263, 11);
    const frame: OcrLine = {
      ...at('FT', 23, 273, 53),
      box: { x: 23, y: 273, width: 190, height: 53 },
    };
    frame.words[0]!.box = frame.box;
    const lines = [cardLabel, frame, at('598-9076182-41', 223, 281, 17)];
    const found = findNumbers(lines, { documentNumbers: [], personalNumbers: [] });
    expect(found.length).toBeGreaterThan(0);
    // Each find lies on the number's own print.
    for (const f of found) expect([f.box.x, f.box.x + f.box.width]).toEqual([223, 223 + 14 * 21]);
  });

  it('leaves a name, a date and a label below it alone', () => {
    for (const below of ['HENDRIKS', '12.02.1995', 'Naam1'])
      expect(valueInPieces([label, at(below, 583, 472)], label), below).toBeNull();
  });
});

describe('a number beside its label read as one number-like word among its pieces', () => {
  const word = (text: string, x: number, y: number, width: number, height: number) => ({
    text,
    box: { x, y, width, height },
    confidence: 80,
  });
  // Varied seed 75 be-id-front-86-phone: the card number 590-0767143-53 in a photo's shadow,
  // read "pa 0767143 53"; the reader's boxes ran over the expiry's row below, its "53" did not.
  const cardLabel: OcrLine = {
    text: 'Kaartns / Card No',
    box: { x: 329, y: 333, width: 129, height: 12 },
    words: [word('Kaartns / Card No', 329, 333, 129, 12)],
    confidence: 80,
  };
  const pieces = [
    word('pa', 325, 353.2, 58.5, 38.8),
    word('0767143', 386.1, 352.6, 117.5, 36.2),
    word('53', 506.3, 352.6, 28.7, 17.6),
  ];
  const numberLine: OcrLine = {
    text: 'pa 0767143 53',
    box: { x: 325, y: 353, width: 210, height: 39 },
    words: pieces,
    confidence: 70,
  };
  const expiry = word('2a.', 324, 385, 37, 36);
  const expiryLine: OcrLine = { text: '2a.', box: expiry.box, words: [expiry], confidence: 70 };
  const none = { documentNumbers: [], personalNumbers: [] };

  it('covers the pieces printed on in one run with it, in the band their print shares', () => {
    const found = findNumbers([cardLabel, numberLine, expiryLine], none);
    const box = found.find((f) => f.kind === 'document_number' && f.via === 'label')?.box;
    expect(box?.x).toBeCloseTo(325);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeCloseTo(535);
    // Clear of the expiry below (the burn adds its margin).
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThan(380);
  });

  it('leaves a word further off than one and a half characters alone', () => {
    const far = [pieces[0]!, pieces[1]!, word('53', 540, 352.6, 28.7, 17.6)];
    const found = findNumbers([cardLabel, { ...numberLine, words: far }], none);
    const box = found.find((f) => f.kind === 'document_number' && f.via === 'label')?.box;
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeCloseTo(503.6);
  });
});
