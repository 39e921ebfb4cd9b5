import { unionBoxes, type Box } from '../../../../shared/regions.ts';
import { lettersAndDigits, type OcrLine, type OcrWord } from '../ocr/text.ts';
import { wholeOf, withLostCharacters } from './known-values.ts';
import { printBand } from './print-band.ts';

/**
 * A value's line, read as one with the line after it at most, stands up to this many times its
 * label's height; a "line" taller is not print (a scan's "FT", 53 px tall under a label 11 px
 * tall, was read in a portrait's frame beside the value).
 */
const VALUE_HEIGHT = 4;

/**
 * Whether `l` lies in the row right below `line`: its top within 0.5–3.5 of the line's height, and
 * no taller than a value under it.
 */
function inRowBelow(l: OcrLine, line: OcrLine): boolean {
  const h = line.box.height;
  return (
    l !== line &&
    l.box.y > line.box.y + h * 0.5 &&
    l.box.y < line.box.y + h * 3.5 &&
    l.box.height <= VALUE_HEIGHT * h
  );
}

/** The line right below `line` (a value under its label), if any. */
function lineBelow(lines: readonly OcrLine[], line: OcrLine): OcrLine | undefined {
  const h = line.box.height;
  return lines
    .filter((l) => inRowBelow(l, line))
    .filter((l) => l.box.x < line.box.x + line.box.width && l.box.x + l.box.width > line.box.x - h)
    .sort((a, b) => a.box.y - b.box.y)[0];
}

/** Words after a label on the same line, or on the line below it. */
export function valueWordsNear(lines: readonly OcrLine[], line: OcrLine, label: RegExp): OcrWord[] {
  const m = label.exec(line.text);
  const after: OcrWord[] = [];
  if (m) {
    const end = m.index + m[0].length;
    let start = 0;
    for (const w of line.words) {
      const wordEnd = start + w.text.length;
      if (start >= end) after.push(w);
      else if (wordEnd > end) {
        // The label's own word read with more after it: only what follows the label may be the
        // value ("Documentnummer:XA7DK0LU4"); the rest of a label read as one garbled word is not.
        const rest = w.text.slice(end - start).replace(/^[^\p{L}\d]+/u, '');
        if (rest) after.push({ ...w, text: rest });
      }
      start = wordEnd + 1;
    }
  }
  return [...after, ...(lineBelow(lines, line)?.words ?? [])];
}

/** Characters in the shortest number a label here stands over (ICAO's document number, a BSN). */
const NUMBER_CHARS = 9;
/** How far left of a label read in part its value may start, in the label's heights. */
const LABEL_REACH = 15;
/** A date in digits as OCR reads it: never a number's value. */
export const DATE_LIKE = /^\d{1,2}[./\- ]\d{1,2}[./\- ]\d{2,4}$/;

/**
 * The value under a number's label read only in pieces: glare washed out its middle ("QBM" and
 * "11" of QBMGJ6JI1), and no piece alone looks like a number. The pieces of the row right below
 * the label, capitals and digits with a digit among them (a name below is no number), from the
 * first on, to at least a number's length at the pitch of the first. A label read in part (its
 * start in the glare too) may sit right of its value: pieces are taken from up to 15 of its
 * heights to its left. Pieces that read as an unbroken part of a value `known` from the MRZ are
 * placed in it, its lost characters on the side they were lost: a passport's "335Y1", the end
 * of its number, was taken for the number's start, and its first four characters stayed
 * readable.
 */
export function valueInPieces(
  lines: readonly OcrLine[],
  label: OcrLine,
  known: readonly string[] = [],
): Box | null {
  const h = label.box.height;
  const from = label.box.x - LABEL_REACH * h;
  const to = label.box.x + label.box.width;
  const below = lines.filter((l) => inRowBelow(l, label));
  const top = Math.min(...below.map((l) => l.box.y));
  const row = below
    .filter((l) => l.box.y - top < l.box.height / 2)
    .flatMap((l) => l.words)
    .filter((w) => w.box.x + w.box.width > from && w.box.x < to)
    .sort((a, b) => a.box.x - b.box.x);
  const chars = (w: OcrWord) => lettersAndDigits(w.text);
  const pieces = row.filter((w) => chars(w).length > 0);
  const read = pieces.map(chars).join('');
  if (read.length < 3 || !/\d/.test(read) || /[a-z]/.test(read)) return null;
  if (pieces.some((w) => DATE_LIKE.test(w.text))) return null;
  const first = pieces[0];
  if (!first) return null;
  const box = unionBoxes(pieces.map((w) => w.box));
  const whole = wholeOf(read, known);
  if (whole) return withLostCharacters(box, read, whole);
  const pitch = first.box.width / chars(first).length;
  return { ...box, width: Math.max(box.width, pitch * NUMBER_CHARS) };
}

/** How far a piece of a number may lie from the rest of it, in the pitch of its characters. */
const RUN_GAP = 1.5;

/**
 * The box of a value read beside its label, with the pieces printed on in one run with it: a
 * Belgian card number "590-0767143-53" read "pa 0767143 53", and only the one word that looked
 * like a number was blacked out; "59" and "3" stayed readable at its ends. A piece lies on the
 * value's row at most 1.5 of its characters' pitch from the run, is short (up to four characters,
 * a group read apart) or holds a digit, and is not far taller than the value; a date is another
 * field. Several pieces keep to the band their print shares (`printBand`: there the boxes ran
 * twice the digits' height, over the expiry printed below).
 */
export function withRestOfRun(value: OcrWord, words: readonly OcrWord[]): Box {
  const pitch = value.box.width / Math.max(1, lettersAndDigits(value.text).length);
  const v = value.box;
  const onRow = (b: Box) =>
    Math.min(b.y + b.height, v.y + v.height) - Math.max(b.y, v.y) >=
    0.5 * Math.min(b.height, v.height);
  const piece = (w: OcrWord) => {
    const chars = lettersAndDigits(w.text);
    return chars.length > 0 && (chars.length <= 4 || /\d/.test(chars)) && !DATE_LIKE.test(w.text);
  };
  // Not far taller than the value: a "line" in the portrait's frame beside a card number ("FT",
  // 53 px on 17 px print) is no piece of it.
  const candidates = words.filter(
    (w) => w !== value && onRow(w.box) && w.box.height <= 2 * v.height && piece(w),
  );
  const run = [value];
  for (let grew = true; grew;) {
    grew = false;
    const box = unionBoxes(run.map((w) => w.box));
    for (const w of candidates) {
      if (run.includes(w)) continue;
      const gap = Math.max(w.box.x - (box.x + box.width), box.x - (w.box.x + w.box.width));
      if (gap >= 0 && gap <= RUN_GAP * pitch) {
        run.push(w);
        grew = true;
        break;
      }
    }
  }
  return run.length === 1 ? v : printBand(run);
}
