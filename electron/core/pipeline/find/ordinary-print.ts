import { intersectBoxes, type Box } from '../../../../shared/regions.ts';
import type { OcrLine, OcrWord } from '../ocr/text.ts';
import { looksLikeMrzText } from './mrz-text.ts';

/**
 * Marks an MRZ never holds and the page reader does not make of its capitals, digits and '<'
 * fillers (those it reads as '<', '«', 'K' or 'k'): other lower-case letters, and the dots,
 * slashes, dashes and commas of dates, numbers and bilingual labels.
 */
const NOT_MRZ = /[a-jl-z.,/:-]/;
/** Words the page reader is this sure of. */
const SURE = 85;

/** How much of `band`'s height the boxes cover together. */
function heightCovered(band: Box, boxes: readonly Box[]): number {
  const spans = boxes
    .map((b) => [Math.max(band.y, b.y), Math.min(band.y + band.height, b.y + b.height)] as const)
    .filter(([a, b]) => b > a)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let reach = band.y;
  for (const [a, b] of spans) {
    covered += Math.max(0, b - Math.max(a, reach));
    reach = Math.max(reach, b);
  }
  return covered / Math.max(1, band.height);
}

const sure = (w: OcrWord) => w.confidence >= SURE;

/**
 * A line of ordinary print: a word read with confidence holding a mark no MRZ holds, or three
 * such words of letters apart (a heading in capitals). An MRZ line is one unbroken run of its own
 * characters: the page reader finds no word gaps in it, and seldom reads it with confidence.
 */
function ordinaryLine(line: OcrLine): boolean {
  const words = line.words.filter(sure);
  return (
    words.some((w) => NOT_MRZ.test(w.text)) ||
    words.filter((w) => /^\p{Lu}{3,}$/u.test(w.text)).length >= 3
  );
}

/**
 * Whether the page reader read `band` as ordinary print: lines of it over each of the band's
 * lines and a quarter of its width at least, and nothing on it that looks like MRZ text. The MRZ
 * reader's reading of such a band (enlarged, in the legacy engine) costs a quarter to half a
 * second and can only find that it is not an MRZ. A word or two in capitals is never enough: a
 * name, or what is left of an MRZ line half covered, may read as that.
 */
export function ordinaryPrintOn(band: Box, lines: readonly OcrLine[]): boolean {
  const meets = (b: Box) => {
    const part = intersectBoxes(b, band);
    return part.width > 0 && part.height > 0;
  };
  const on = lines.filter((l) => meets(l.box));
  if (on.length === 0 || on.some((l) => looksLikeMrzText(l.text))) return false;
  const words = on
    .filter(ordinaryLine)
    .flatMap((l) => l.words)
    .filter((w) => sure(w) && meets(w.box))
    .map((w) => w.box);
  const span = words.reduce((sum, b) => sum + intersectBoxes(b, band).width, 0);
  return span >= 0.25 * band.width && heightCovered(band, words) >= 0.6;
}
