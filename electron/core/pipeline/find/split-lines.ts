import { unionBoxes } from '../../../../shared/regions.ts';
import type { OcrLine } from '../ocr/text.ts';
import { dutchNumberIn } from './dutch-number.ts';

/** Digits with the separators numbers are printed with, and nothing else. */
export const NUMERIC = /^[\d.\s-]+$/;

/**
 * Page OCR sometimes breaks one printed number in two ("2145.2" and "9.800"), more so on photos:
 * numeric pieces side by side on the same baseline are read as one line again. Words are never
 * joined (a date beside a name must not turn into a number), except two pieces that together
 * make a Dutch document number, read as one word: on a card photographed at a tilt, "XA7DKO" and
 * "LU4" of XA7DK0LU4 were two lines, neither a number, and the label's value was taken for "LU4"
 * alone (its black ran on to the right, the first six characters stayed readable).
 */
export function joinSplitLines(lines: readonly OcrLine[]): OcrLine[] {
  const out: OcrLine[] = [];
  for (const line of [...lines].sort((a, b) => a.box.x - b.box.x)) {
    const h = line.box.height;
    const beside = (o: OcrLine) => {
      const overlap =
        Math.min(o.box.y + o.box.height, line.box.y + h) - Math.max(o.box.y, line.box.y);
      const gap = line.box.x - (o.box.x + o.box.width);
      return overlap >= 0.6 * Math.min(o.box.height, h) && gap >= -0.5 * h && gap <= 1.2 * h;
    };
    const numeric = out.find((o) => NUMERIC.test(o.text) && NUMERIC.test(line.text) && beside(o));
    // Print in small letters is words: "satu" (of a date of birth's label) and "81973" of
    // "FEB 1973" beside it made "SATU81973", and the self-check blacked out the date of birth.
    const dutch = numeric
      ? undefined
      : out.find((o) => {
          const joined = `${o.text}${line.text}`;
          return beside(o) && !/[a-z]/.test(joined) && dutchNumberIn(joined) !== null;
        });
    const left = numeric ?? dutch;
    if (!left) {
      out.push(line);
      continue;
    }
    const box = unionBoxes([left.box, line.box]);
    const text = dutch ? `${left.text}${line.text}` : `${left.text} ${line.text}`;
    const confidence = Math.min(left.confidence, line.confidence);
    out[out.indexOf(left)] = {
      text,
      box,
      words: dutch ? [{ text, box, confidence }] : [...left.words, ...line.words],
      confidence,
    };
  }
  return out;
}
