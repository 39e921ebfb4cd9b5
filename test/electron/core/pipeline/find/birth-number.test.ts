import { describe, expect, it } from 'vitest';
import { birthDateNumbers } from '../../../../../electron/core/pipeline/find/birth-number.ts';
import { oneWordLine } from '../../../../helpers/ocr-lines.ts';

const line = (text: string, x: number, y: number) =>
  oneWordLine(text, { x, y, width: 16 * text.length, height: 26 });

describe('a Belgian national number read in part', () => {
  // Varied seed 97 be-id-front-76-phone: the number under the portrait, grey fading to the right.
  const card = [line('20.09.2000', 790, 826), line('07.01.2027', 797, 993)];

  it('is the piece that starts with the birth date year first, run on to the whole number', () => {
    const found = birthDateNumbers([...card, line('00.09.2', 420, 1013)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'personal_number', via: 'birth-date' });
    // Seven characters read, fifteen printed (00.09.20-642.14), from where the piece starts.
    expect(found[0]?.box).toMatchObject({ x: 420, y: 1013, height: 26 });
    expect(found[0]?.box.width).toBeCloseTo(16 * 15.5);
  });

  it('is nothing with no date on the card to start it, or another date at its start', () => {
    expect(birthDateNumbers([line('00.09.2', 420, 1013)])).toEqual([]);
    expect(birthDateNumbers([...card, line('00.08.2', 420, 1013)])).toEqual([]);
  });

  it('leaves the dates themselves, and a whole number (found by its check)', () => {
    expect(birthDateNumbers(card)).toEqual([]);
    // Born 20.09.2020, the date starts as its own number would (20.09.20-…): still a date.
    expect(birthDateNumbers([line('20.09.2020', 790, 826)])).toEqual([]);
    expect(birthDateNumbers([...card, line('00.09.20-642.14', 420, 1013)])).toEqual([]);
  });

  it("is the number's end whose check holds with its year put back, run back to its start", () => {
    // Varied seed 103 be-id-front-39-exif-phone: 71.09.28-735.76 read "09.28-735.76" in glare.
    const born = [line('28.09.1971', 780, 914)];
    const found = birthDateNumbers([...born, line('09.28-735.76', 469, 1088)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'personal_number', via: 'birth-date' });
    // Three characters lost at its start, and half a character's slack.
    expect(found[0]?.box.x).toBeCloseTo(469 - 16 * 3.5);
    const box = found[0]?.box ?? { x: 0, width: 0 };
    expect(box.x + box.width).toBeCloseTo(469 + 16 * 12);
  });

  it('is no end whose check fails, or that no date on the card starts', () => {
    const born = [line('28.09.1971', 780, 914)];
    expect(birthDateNumbers([...born, line('09.28-735.77', 469, 1088)])).toEqual([]);
    expect(birthDateNumbers([line('09.28-735.76', 469, 1088)])).toEqual([]);
    expect(
      birthDateNumbers([line('28.09.1970', 780, 914), line('09.28-735.76', 469, 1088)]),
    ).toEqual([]);
  });
});
