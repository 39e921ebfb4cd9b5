import { describe, expect, it } from 'vitest';
import {
  cleanWordsAcross,
  sureDateIn,
  sureLineThrough,
  sureWordIn,
} from '../../../../../electron/core/pipeline/find/clean-print.ts';
import type { OcrLine, OcrWord } from '../../../../../electron/core/pipeline/ocr/text.ts';
import { unionBoxes } from '../../../../../shared/regions.ts';

const word = (text: string, x: number, y: number, confidence = 95): OcrWord => ({
  text,
  box: { x, y, width: 140, height: 19 },
  confidence,
});
const line = (...words: OcrWord[]): OcrLine => ({
  text: words.map((w) => w.text).join(' '),
  box: unionBoxes(words.map((w) => w.box)),
  words,
  confidence: Math.min(...words.map((w) => w.confidence)),
});

describe('clean words across a box', () => {
  // A licence's fields 4d and 5, one under the other, as a page read gives them.
  const fields = [line(word('505011438', 529, 539)), line(word('2532439913', 518, 578))];

  it('sees a box that two words lie across', () => {
    expect(cleanWordsAcross({ x: 520, y: 530, width: 100, height: 70 }, fields)).toBe(true);
  });

  it('sees a small box on the ends of two numbers, neither of them a third inside it', () => {
    // The face a detector found there: 60 px, over the last digits of both.
    expect(cleanWordsAcross({ x: 613, y: 544, width: 60, height: 61 }, fields)).toBe(true);
  });

  it('counts a long number read unsurely as print', () => {
    // Seed 19 nl-licence-front-97: a "ghost" at 0.53 over the ends of a licence's BSN (read at
    // 56 %) and its number.
    const unsure = [line(word('4715777717', 398, 353, 56)), line(word('2235554013', 387, 396))];
    expect(cleanWordsAcross({ x: 482, y: 353, width: 78, height: 78 }, unsure)).toBe(true);
    // A short word read as unsurely is not.
    const short = [line(word('Maria', 398, 353, 56)), line(word('2235554013', 387, 396))];
    expect(cleanWordsAcross({ x: 482, y: 353, width: 78, height: 78 }, short)).toBe(false);
  });

  it('counts a number of nine digits or more as print at any confidence, six only read surer', () => {
    // Varied seed 97 be-id-front-84-phone: a "ghost" at 0.63 on a Belgian card number read in a
    // shadow at 0 ("592266096010"), the face box over its last three digits.
    const number = (text: string) => [
      line({ text, box: { x: 322, y: 323, width: 193, height: 34 }, confidence: 0 }),
    ];
    const ghost = { x: 456, y: 317, width: 47, height: 51 };
    expect(cleanWordsAcross(ghost, number('592266096010'))).toBe(true);
    expect(cleanWordsAcross(ghost, number('59226609'))).toBe(false);
  });

  it('counts short words read surely as print, and not short ones read unsurely', () => {
    // Seed 47 be-id-front-0-phone: a "ghost" matched at 0.72 between a Belgian card's columns,
    // over "Sex" and the year of the date of birth; its black covered the date and nationality.
    const short = (confidence: number) => [
      line({ text: 'Sex', box: { x: 528, y: 366, width: 27, height: 12 }, confidence }),
      line({ text: '197', box: { x: 527, y: 420, width: 49, height: 34 }, confidence }),
    ];
    const ghost = { x: 519, y: 346, width: 92, height: 130 };
    expect(cleanWordsAcross(ghost, short(96))).toBe(true);
    expect(cleanWordsAcross(ghost, short(60))).toBe(false);
  });

  it('leaves a box one word only grazes', () => {
    expect(cleanWordsAcross({ x: 650, y: 590, width: 80, height: 100 }, fields)).toBe(false);
  });

  it('leaves a picture that OCR makes junk of', () => {
    const junk = [line(word('%e5', 600, 550, 20), word('Wmmw', 640, 560, 31))];
    expect(cleanWordsAcross({ x: 600, y: 540, width: 80, height: 80 }, junk)).toBe(false);
  });
});

describe('a sure long word inside a box', () => {
  // Varied seed 57 nl-id-front-60-phone: a template "ghost" over an NL ID card's document
  // number, read at 90, the only word read surely across it.
  const number = [
    line({ text: 'YK15RR770', box: { x: 455, y: 181, width: 176, height: 22 }, confidence: 90 }),
  ];
  const match = { x: 479, y: 26, width: 145, height: 188 };

  it('is print: a picture does not read as a long word, surely', () => {
    expect(cleanWordsAcross(match, number)).toBe(false);
    expect(sureWordIn(match, number)).toBe(true);
  });

  it('is not one read unsurely, a short one, or one mostly outside the box', () => {
    const unsure = [line({ ...number[0]!.words[0]!, confidence: 60 })];
    expect(sureWordIn(match, unsure)).toBe(false);
    const short = [line({ ...number[0]!.words[0]!, text: 'YK15' })];
    expect(sureWordIn(match, short)).toBe(false);
    expect(sureWordIn({ ...match, x: 560 }, number)).toBe(false);
  });
});

describe('a sure date inside a box', () => {
  const date = line(word('11.11.1987', 300, 280, 93));
  const box = { x: 295, y: 275, width: 160, height: 30 };

  it('is a date read with confidence mostly inside the box', () => {
    expect(sureDateIn(box, [date])).toBe(true);
  });

  it('is not a date read unsurely, a word that is no date, or a date mostly outside', () => {
    expect(sureDateIn(box, [line(word('11.11.1987', 300, 280, 40))])).toBe(false);
    expect(sureDateIn(box, [line(word('Groningen', 300, 280))])).toBe(false);
    expect(sureDateIn({ ...box, x: 400 }, [date])).toBe(false);
  });
});

describe('a sure line through a box', () => {
  // Varied seed 111 nl-licence-front-60-scan: a "face" (0.52) whose middle held a field's label
  // and the first digit of its date, no word a third inside it.
  const middle = { x: 177, y: 116, width: 24, height: 28 };
  const dated = (confidence: number) =>
    line(
      { text: '3.', box: { x: 175, y: 123, width: 8, height: 8 }, confidence },
      { text: '21.06.1967', box: { x: 193, y: 118, width: 92, height: 13 }, confidence },
      { text: 'Amsterdam', box: { x: 296, y: 118, width: 95, height: 13 }, confidence },
    );

  it('is a line read surely with a word crossing the box', () => {
    expect(cleanWordsAcross(middle, [dated(90)])).toBe(false);
    expect(sureLineThrough(middle, [dated(90)])).toBe(true);
  });

  it('is not a line read unsurely, a short one, or one whose words all pass the box by', () => {
    expect(sureLineThrough(middle, [dated(78)])).toBe(false);
    expect(sureLineThrough(middle, [line(word('4a.', 180, 120))])).toBe(false);
    // A tilted line's box may reach over a face its words do not touch.
    const below = { ...dated(90), box: { x: 175, y: 100, width: 216, height: 40 } };
    expect(sureLineThrough({ ...middle, x: 150, width: 20 }, [below])).toBe(false);
  });
});
