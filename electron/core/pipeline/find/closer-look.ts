import { foldConfusables } from '../../../../shared/numbers/ocr-confusion.ts';
import { growAlongAcross, overlapRatio } from '../../../../shared/regions.ts';
import type { OcrEngine } from '../ocr/engine.ts';
import { readTextIn } from '../ocr/page.ts';
import type { OcrLine } from '../ocr/text.ts';
import type { RawImage } from '../raw-image.ts';
import type { Finding } from './finding.ts';
import { findNumbers, type KnownValues } from './numbers.ts';

/** Characters a line must share, in order, with a known value to be worth reading again. */
const MIN_SHARED = 3;

/** Lines read again per page at most: each costs an OCR call (about 60 ms). */
const MAX_LINES = 6;

/** Room around a line's box, in line heights: tesseract misreads glyphs touching the crop's edge. */
const PAD = 0.3;

/**
 * How many characters of `b` appear in `a` in the same order (longest common subsequence): a
 * misread keeps the order of what it did read ("HGINE1V" for "GMG9W51V4" keeps G, 1, V).
 */
function sharedInOrder(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const c of a) {
    const cur = [0];
    for (let j = 1; j <= b.length; j++)
      cur[j] = c === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

interface Candidate {
  line: OcrLine;
  shared: number;
}

/**
 * Lines that show part of a known value and are not yet a finding of it: a number printed a
 * second time in other ink or type (a passport's red serial at the page's edge) that page OCR
 * read as "Ee 1v4" for "GMG9W51V4". Lines about as long as the value only; most alike first.
 */
function candidates(
  lines: readonly OcrLine[],
  found: readonly Finding[],
  values: readonly string[],
): Candidate[] {
  const out: Candidate[] = [];
  for (const line of lines) {
    const text = foldConfusables(line.text);
    const covered = found.some(
      (f) => f.via === 'mrz-value' && overlapRatio(f.box, line.box) >= 0.5,
    );
    if (covered) continue;
    const shared = Math.max(
      0,
      ...values
        .filter((v) => text.length <= v.length + 4)
        .map((v) => sharedInOrder(text, foldConfusables(v))),
    );
    if (shared >= MIN_SHARED) out.push({ line, shared });
  }
  return out.sort((a, b) => b.shared - a.shared).slice(0, MAX_LINES);
}

/**
 * A closer look at lines that half show a number the MRZ gave: each is read again on its own,
 * cropped with a little room, where tesseract has no neighbouring print to confuse it. Only a
 * reading that then matches the value is taken; the rest cost one small OCR call each.
 */
export async function closerLook(
  img: RawImage,
  lines: readonly OcrLine[],
  found: readonly Finding[],
  known: KnownValues,
  ocr: OcrEngine,
): Promise<Finding[]> {
  const values = [...known.documentNumbers, ...known.personalNumbers].filter(
    (v) => foldConfusables(v).length >= 6,
  );
  if (!values.length) return [];
  const out: Finding[] = [];
  for (const { line } of candidates(lines, found, values)) {
    const pad = PAD * Math.min(line.box.height, line.box.width);
    const read = await readTextIn(img, growAlongAcross(line.box, pad, pad), ocr);
    out.push(...findNumbers(read, known).filter((f) => f.via === 'mrz-value'));
  }
  return out;
}
