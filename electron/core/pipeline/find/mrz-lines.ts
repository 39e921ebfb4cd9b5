import { normalizeMrzLines, parseMrz } from '../../../../shared/mrz.ts';
import { unionBoxes, type Box } from '../../../../shared/regions.ts';
import type { OcrLine } from '../ocr/text.ts';

// Which of the lines the MRZ reader read in a band make up the MRZ, and where they run: pure
// shaping of a reading, apart from the reading itself (mrz.ts).

/**
 * The band the MRZ must fill, from what was read: character pitch from the read lines, the
 * format's width (30/36/44 characters) and line count. A TD1 read as two lines (the third too
 * faint) still gets all three covered. Lines read short of the format's width may have lost
 * characters at either end (a photo's blur or shadow at the start, its fillers at the end), and
 * which cannot be told from the text: the band reaches that far past both ends read.
 */
export function expectedBand(read: { text: string; box: Box }[], lines: string[]): Box {
  const first = read[0];
  if (!first) return { x: 0, y: 0, width: 0, height: 0 };
  const pitch = Math.max(...read.map((r) => r.box.width / Math.max(1, r.text.length)));
  const chars = lines[0]?.length ?? first.text.length;
  const last = read[read.length - 1] ?? first;
  const step =
    read.length > 1 ? (last.box.y - first.box.y) / (read.length - 1) : first.box.height * 1.6;
  const expectedLines = chars <= 31 && !/^D[1-9<]/.test(lines[0] ?? '') ? 3 : chars <= 31 ? 1 : 2;
  // A TD1 whose first line is missing starts with the birth date (digits); shift up one line.
  const missingAbove =
    expectedLines === 3 && read.length < 3 && /^\d{6}/.test(lines[0] ?? '') ? 1 : 0;
  const x = Math.min(...read.map((r) => r.box.x));
  const readWidth = Math.max(...read.map((r) => r.box.x + r.box.width)) - x;
  const short = Math.max(0, chars * pitch - readWidth);
  const y = first.box.y - missingAbove * step;
  return {
    x: x - short,
    y,
    width: readWidth + 2 * short,
    height: (expectedLines - 1) * step + Math.max(...read.map((r) => r.box.height)),
  };
}

/** A line read at least this long is a TD3's or TD2's (44 or 36 characters, a few lost). */
const TWO_LINE_FORMAT = 34;

/**
 * The generous crop often takes in a line of print above the MRZ (the expiry date, a signature)
 * that the MRZ alphabet turns into look-alike characters; four lines then parse as nothing. The
 * run of consecutive lines whose check digits hold is the MRZ. When none holds, two adjacent lines
 * of a passport's or TD2's length, and no other that long, are the MRZ: those formats have two
 * lines, and a shorter one read beside them is the print above (covering it blacked out a phone
 * photo's expiry date). Otherwise every line read stays (covering a stray line is safer than
 * leaving an MRZ line out).
 */
export function mrzWindow<T extends { text: string }>(read: readonly T[]): T[] {
  // Two lines first: three that parse may be a junk line and a two-line MRZ padded to fit.
  for (const n of [2, 3, 1]) {
    for (let i = 0; i + n <= read.length; i++) {
      const window = read.slice(i, i + n);
      if (parseMrz(normalizeMrzLines(window.map((l) => l.text)))?.valid) return window;
    }
  }
  const long = read.flatMap((l, i) => (l.text.length >= TWO_LINE_FORMAT ? [i] : []));
  const [first, second] = long;
  if (long.length === 2 && first !== undefined && second === first + 1)
    return read.slice(first, first + 2);
  return [...read];
}

/**
 * Where a line read in the band really runs: its words that stand level with its longest one. The
 * reader sometimes joins a mark above or below the line to its end (an "I" from the print above a
 * passport's MRZ); that line's box was then four times its height, the band's line spacing came
 * out three times an MRZ's, and the black ran up over the expiry date.
 */
export function lineBody(line: OcrLine): Box {
  const body = line.words.reduce<OcrLine['words'][number] | undefined>(
    (a, w) => (!a || w.text.length > a.text.length ? w : a),
    undefined,
  );
  if (!body) return line.box;
  const level = line.words.filter((w) => {
    const shared =
      Math.min(w.box.y + w.box.height, body.box.y + body.box.height) -
      Math.max(w.box.y, body.box.y);
    return shared >= 0.5 * Math.max(w.box.height, body.box.height);
  });
  return unionBoxes(level.map((w) => w.box));
}
