import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../../../../electron/core/pipeline/find/numbers.ts';
import { joinSplitLines } from '../../../../../electron/core/pipeline/find/split-lines.ts';
import { line, oneWordLine } from '../../../../helpers/ocr-lines.ts';

const none = { documentNumbers: [], personalNumbers: [] };

describe('numbers that page OCR broke in two', () => {
  it('reads pieces side by side on one baseline as one line', () => {
    const [a] = [line(100, '2145.2')];
    const b = {
      ...line(100, '9.800'),
      box: { x: a!.box.x + a!.box.width + 6, y: 101, width: 50, height: 14 },
    };
    b.words = [{ text: '9.800', box: b.box, confidence: 90 }];
    const joined = joinSplitLines([b, a!, line(300, 'Arnhem')]);
    expect(joined.map((l) => l.text)).toEqual(['2145.2 9.800', 'Arnhem']);
    const found = findNumbers([a!, b], { documentNumbers: [], personalNumbers: ['214529800'] });
    expect(found.some((f) => f.kind === 'personal_number')).toBe(true);
  });

  it('reads two pieces that make a Dutch document number together as that number', () => {
    // A card photographed at a tilt: "XA7DKO" (its box tall with the tilt) and "LU4" of XA7DK0LU4,
    // under a label read in part; neither piece is a number on its own.
    const label = oneWordLine('mer / Document no', { x: 586, y: 287, width: 150, height: 13 });
    const start = oneWordLine('XA7DKO', { x: 472, y: 293, width: 105, height: 37 });
    const end = oneWordLine('LU4', { x: 580, y: 309, width: 48, height: 18 });
    const found = findNumbers([label, start, end], none).filter(
      (f) => f.kind === 'document_number',
    );
    const whole = found.find((f) => f.via === 'nl-pattern');
    expect(whole?.secret).toBe('XA7DK0LU4');
    expect(whole?.box.x).toBeLessThanOrEqual(start.box.x + 1);
    expect((whole?.box.x ?? 0) + (whole?.box.width ?? 0)).toBeGreaterThanOrEqual(
      end.box.x + end.box.width - 1,
    );
    // Words beside each other that make no number stay apart.
    const apart = joinSplitLines([oneWordLine('BOS', start.box), oneWordLine('LU4', end.box)]);
    expect(apart.map((l) => l.text)).toEqual(['BOS', 'LU4']);
    // Nor a word in small letters and a year's end: "satu" and "81973" pass as a number.
    const date = [oneWordLine('satu', start.box), oneWordLine('81973', end.box)];
    expect(joinSplitLines(date).map((l) => l.text)).toEqual(['satu', '81973']);
    expect(findNumbers(date, none)).toEqual([]);
  });
});
