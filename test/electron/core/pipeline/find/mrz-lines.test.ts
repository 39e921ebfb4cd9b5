import { describe, expect, it } from 'vitest';
import {
  expectedBand,
  lineBody,
  mrzWindow,
} from '../../../../../electron/core/pipeline/find/mrz-lines.ts';
import type { OcrLine } from '../../../../../electron/core/pipeline/ocr/text.ts';
import { passportMrz } from '../../../../helpers/passport-mrz.ts';

const [l1, l2] = passportMrz();
/** A line as read: the window is chosen by its text alone. */
const line = (text: string) => ({ text });

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

describe('which lines read in the band are the MRZ', () => {
  it('takes the lines whose check digits hold, not the print read above them', () => {
    // The generous crop caught the expiry date and a signature in the MRZ alphabet.
    const read = [line('15APRIAVR1201WJMM81MJJM'), line('73W5LHWWUQKWWMUH')];
    const window = mrzWindow([...read, line(l1), line(l2)]);
    expect(window.map((l) => l.text)).toEqual([l1, l2]);
  });

  it('keeps every line read when no run of them checks out', () => {
    const broken = l2.slice(0, 9) + '0' + l2.slice(10);
    const read = [line('15APRIAVR1201WJMM81MJJM'), line(l1.slice(0, 30)), line(broken)];
    expect(mrzWindow(read)).toHaveLength(3);
    // Three lines of a passport's length: which two are the MRZ cannot be told.
    expect(mrzWindow([line(l1), line(l1), line(broken)])).toHaveLength(3);
  });

  it("takes two unchecked lines of a passport's length for its MRZ, not the print above", () => {
    // A phone photo: the expiry date above read in the MRZ alphabet, both MRZ lines misread.
    const broken = l2.slice(0, 9) + '0' + l2.slice(10);
    const read = [line('295359542323WH0HIMHHH7'), line(l1), line(broken)];
    expect(mrzWindow(read).map((l) => l.text)).toEqual([l1, broken]);
  });
});
