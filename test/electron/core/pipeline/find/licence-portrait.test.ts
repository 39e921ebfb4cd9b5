import { describe, expect, it } from 'vitest';
import { licenceSecondPortraits } from '../../../../../electron/core/pipeline/find/licence-portrait.ts';
import type { PhotoFinding } from '../../../../../electron/core/pipeline/find/photo.ts';
import type { OcrLine } from '../../../../../electron/core/pipeline/ocr/text.ts';
import type { Box } from '../../../../../shared/regions.ts';

const line = (words: [string, number][], y: number): OcrLine => {
  const box = (x: number, text: string): Box => ({ x, y, width: 30 * text.length, height: 40 });
  const ws = words.map(([text, x]) => ({ text, box: box(x, text), confidence: 90 }));
  return { text: words.map(([t]) => t).join(' '), box: ws[0]!.box, words: ws, confidence: 90 };
};
// The flag's "NL" at the left, above the portrait; the title right of it.
const LICENCE = [
  line(
    [
      ['NL', 60],
      ['RIJBEWIJS', 400],
    ],
    50,
  ),
  line(
    [
      ['1.', 420],
      ['JANSEN', 480],
    ],
    200,
  ),
];
const photo = (x: number, width: number): PhotoFinding => {
  const box = { x, y: 150, width, height: 1.3 * width };
  return { kind: 'photo', box, face: box, confidence: 0.8, via: 'face' };
};

describe("a licence's portrait told from its small second portrait", () => {
  it('takes a "portrait" right of where the title starts, the only one, for the second', () => {
    const found = licenceSecondPortraits([photo(900, 150)], LICENCE);
    expect(found.map((p) => p.kind)).toEqual(['ghost_photo']);
  });

  it('keeps a portrait left of the title, and the other find beside it as it was', () => {
    const found = licenceSecondPortraits([photo(40, 320), photo(900, 150)], LICENCE);
    expect(found.map((p) => p.kind)).toEqual(['photo', 'photo']);
  });

  it('changes nothing on a document that is not a licence', () => {
    const card = [line([['IDENTITEITSKAART', 400]], 50)];
    expect(licenceSecondPortraits([photo(900, 150)], card)[0]!.kind).toBe('photo');
  });
});
