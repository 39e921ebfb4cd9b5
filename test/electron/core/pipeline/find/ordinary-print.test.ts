import { describe, expect, it } from 'vitest';
import { ordinaryPrintOn } from '../../../../../electron/core/pipeline/find/ordinary-print.ts';
import type { OcrLine } from '../../../../../electron/core/pipeline/ocr/text.ts';

/** One line of words laid left to right from x = 100 at row y, 30 px high, 20 px a character. */
function line(y: number, words: [string, number][]): OcrLine {
  let x = 100;
  const placed = words.map(([text, confidence]) => {
    const w = { text, confidence, box: { x, y, width: text.length * 20, height: 30 } };
    x += w.box.width + 20;
    return w;
  });
  const width = x - 120;
  return {
    text: words.map(([t]) => t).join(' '),
    box: { x: 100, y, width, height: 30 },
    words: placed,
    confidence: Math.min(...words.map(([, c]) => c)),
  };
}

/** The band the MRZ locator would propose on one line at row y (letters' bodies, a little wider). */
const bandOn = (l: OcrLine) => ({ x: 80, y: l.box.y + 6, width: l.box.width + 60, height: 18 });

describe('ordinary print on a proposed MRZ band', () => {
  it.each([
    [
      'a date with its month in two languages',
      [
        ['2', 91],
        ['JUN/JUN', 93],
        ['1981', 96],
      ],
    ],
    [
      'a bilingual label',
      [
        ['Geslacht', 92],
        ['/', 91],
        ['Sex', 96],
      ],
    ],
    [
      'a heading in capitals, three words apart',
      [
        ['KONINKRIJK', 90],
        ['DER', 93],
        ['NEDERLANDEN', 89],
      ],
    ],
  ] as [string, [string, number][]][])('is %s', (_, words) => {
    const l = line(500, words);
    expect(ordinaryPrintOn(bandOn(l), [l])).toBe(true);
  });

  it.each([
    ['an MRZ line as the page reader reads it', [['P<NLDBAKKER<<SEM<<<<<<<<<<<<<<<<<<<', 60]]],
    ['an MRZ line read with confidence, fillers dropped', [['IDNLDSPECI20212', 95]]],
    ['a name in capitals', [['HENDRIKS', 96]]],
    [
      'two words in capitals (the rest of a half-covered MRZ line)',
      [
        ['NLDBAKKER', 92],
        ['SEM', 90],
      ],
    ],
    [
      'print the reader is unsure of',
      [
        ['Geslacht', 60],
        ['/', 50],
        ['Sex', 70],
      ],
    ],
  ] as [string, [string, number][]][])('is not %s', (_, words) => {
    const l = line(500, words);
    expect(ordinaryPrintOn(bandOn(l), [l])).toBe(false);
  });

  it('is not a band nothing was read on', () => {
    expect(ordinaryPrintOn({ x: 80, y: 500, width: 600, height: 18 }, [])).toBe(false);
  });

  it('is not a two-line band with ordinary print on one line only', () => {
    const label = line(500, [
      ['Geslacht', 92],
      ['/', 91],
      ['Sex', 96],
    ]);
    const below = line(545, [['X<NLD123', 40]]);
    const band = { x: 80, y: 506, width: 300, height: 63 };
    expect(ordinaryPrintOn(band, [label, below])).toBe(false);
    // The same label over a band of its own line passes.
    expect(ordinaryPrintOn({ ...band, height: 18 }, [label, below])).toBe(true);
  });

  it('is not a band ordinary print only grazes at one end', () => {
    const l = line(500, [
      ['1981', 96],
      ['a/b', 93],
    ]);
    expect(ordinaryPrintOn({ x: 80, y: 506, width: 2000, height: 18 }, [l])).toBe(false);
  });
});
