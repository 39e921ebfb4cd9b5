import { boxArea, intersectBoxes, type Box } from '../../../../shared/regions.ts';
import { lettersAndDigits, type OcrLine, type OcrWord } from '../ocr/text.ts';
import { DATE_LIKE } from './label-value.ts';

/** Letters and digits from which a line is a field's value, not a label or stray marks. */
const LONG_LINE = 6;

/** Whether a line holds a field's value, read with at least `confidence`. */
function valueRead(l: OcrLine, confidence: number): boolean {
  return lettersAndDigits(l.text).length >= LONG_LINE && l.confidence >= confidence;
}

/**
 * Whether lines of clean print run across `box`: a field's value (a date, a number) read with
 * confidence, not the stray marks OCR makes of a picture or of holes. A finder that sees a
 * picture or a perforation there is seeing the print's texture, and must not black out fields.
 */
export function cleanPrintAcross(box: Box, lines: readonly OcrLine[], atLeast = 2): boolean {
  const printed = lines.filter((l) => {
    const overlap = boxArea(intersectBoxes(l.box, box));
    return overlap >= 0.3 * boxArea(l.box) && valueRead(l, 70);
  });
  return printed.length >= atLeast;
}

/** OCR's confidence at which a whole line is print read, not marks made of a picture. */
const SURE_LINE = 85;

/**
 * Whether a line of print read surely runs through `box`, a word of it crossing the box: a face
 * the model saw in a column of labels and the dates' first digits. On a licence scanned, a 0.52
 * "face" sat on "3. 21.06.1967", only the label and the date's first digit inside its middle (no
 * word a third inside it), and its black covered the names and the date of birth.
 */
export function sureLineThrough(box: Box, lines: readonly OcrLine[]): boolean {
  return lines.some(
    (l) => valueRead(l, SURE_LINE) && l.words.some((w) => boxArea(intersectBoxes(w.box, box)) > 0),
  );
}

/** OCR's confidence at which a three-character word is print, not marks read in a picture. */
const SURE_WORD = 90;

/**
 * Whether words read with confidence lie across `box`: a face detector's "face" on a field's dates
 * and numbers. Its box is small, so whole lines seldom lie across it, but their words do: two of
 * them for the most part, or a quarter of the box (a 60 px "ghost" sat on the ends of two numbers,
 * neither of them 30 % inside it).
 */
export function cleanWordsAcross(box: Box, lines: readonly OcrLine[], atLeast = 2): boolean {
  const overlaps = lines
    .flatMap((l) => l.words)
    .filter((w) => {
      const chars = lettersAndDigits(w.text);
      // A long number is print even read unsurely: OCR makes no six digits of a face, nor nine
      // at any confidence (a Belgian card number in a shadow, read at 0 under a "ghost image"
      // seen on it: the card's dates were blacked out, its real ghost left readable). A short
      // word counts when read surely ("Sex", "BEL", "197" under a "ghost" on a card's fields).
      return (
        (chars.length >= 4 &&
          (w.confidence >= 80 ||
            (/^\d{6,}$/.test(chars) && w.confidence >= 50) ||
            /^\d{9,}$/.test(chars))) ||
        (chars.length === 3 && w.confidence >= SURE_WORD)
      );
    })
    .map((w) => ({ word: boxArea(w.box), inside: boxArea(intersectBoxes(w.box, box)) }));
  const across = overlaps.filter((o) => o.inside >= 0.3 * o.word).length;
  const covered = overlaps.reduce((sum, o) => sum + o.inside, 0);
  return across >= atLeast || covered >= 0.25 * boxArea(box);
}

/** Whether a word that passes `is` lies mostly (three fifths of it) inside `box`. */
function wordInside(box: Box, lines: readonly OcrLine[], is: (w: OcrWord) => boolean): boolean {
  return lines
    .flatMap((l) => l.words)
    .some((w) => is(w) && boxArea(intersectBoxes(w.box, box)) >= 0.6 * boxArea(w.box));
}

/** Characters, and OCR's confidence, from which one word is print: no picture reads as it. */
const LONG_WORD = 6;
const SURE_LONG_WORD = 90;

/**
 * Whether a long word read surely lies mostly inside `box`: a field's value, not a picture. A
 * template match for a ghost image on a card lying sideways sat over the document number
 * ("YK15RR770", read at 90) with no other word read surely across it, and was taken for the ghost:
 * the real one, faded in glare, was left readable with no warning.
 */
export function sureWordIn(box: Box, lines: readonly OcrLine[]): boolean {
  return wordInside(
    box,
    lines,
    (w) => lettersAndDigits(w.text).length >= LONG_WORD && w.confidence >= SURE_LONG_WORD,
  );
}

/** OCR's confidence at which a date in digits is the date printed there. */
const SURE_DATE = 80;

/**
 * Whether a date in digits, read with confidence, lies mostly inside `box`: a number another read
 * of the same spot found by its shape alone is that date garbled. The self-check's reread of a
 * licence's date of birth in a shadow, "11.11.1987" read "LTETEI987" at 0, passed as a Dutch
 * document number, and the date of birth was blacked out.
 */
export function sureDateIn(box: Box, lines: readonly OcrLine[]): boolean {
  return wordInside(box, lines, (w) => DATE_LIKE.test(w.text.trim()) && w.confidence >= SURE_DATE);
}
