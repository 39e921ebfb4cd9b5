import { growAlongAcross, overlapRatio, type Box } from '../../../../shared/regions.ts';
import type { OcrEngine } from '../ocr/engine.ts';
import { readTextIn } from '../ocr/page.ts';
import type { OcrLine } from '../ocr/text.ts';
import type { RawImage } from '../raw-image.ts';
import type { Finding } from './finding.ts';
import { findNumbers, type KnownValues } from './numbers.ts';

/** Pieces read again per page at most: each costs an OCR call (about 60 ms). */
const MAX_PIECES = 6;
/** Room across a piece's row, in its heights: tesseract misreads glyphs touching the crop's edge. */
const PAD = 0.3;

/** Around an odd piece of print, along its row, in its heights: the rest of a number split up. */
const ALONG = 6;

/**
 * Pieces of print that may be part of a number page OCR misread: capitals, digits and the marks
 * numbers are printed with, nothing found there yet; least sure first. Confidence alone does not
 * tell them: a Dutch card's number came out as "LDDI2", "1DK" and "8", read with 85–96.
 */
function oddPieces(lines: readonly OcrLine[], found: readonly Finding[]): Box[] {
  const crops: Box[] = [];
  const pieces = lines
    .filter((l) => /^[A-Z0-9<./-]{2,}$/.test(l.text.replace(/\s/g, '')))
    .sort((a, b) => a.confidence - b.confidence);
  for (const piece of pieces) {
    const h = Math.min(piece.box.height, piece.box.width);
    const crop = growAlongAcross(piece.box, ALONG * h, PAD * h);
    const known = [...found.map((f) => f.box), ...crops];
    if (known.some((b) => overlapRatio(b, piece.box) >= 0.5)) continue;
    crops.push(crop);
    if (crops.length === MAX_PIECES) break;
  }
  return crops;
}

/**
 * A word read again that can only be the missing number: a run of 8–12 capitals and digits
 * mixing both (names carry no digits, dates their separators or a month), or of 9–12 digits
 * alone. Looser than the number patterns, as OCR reading a crop may add or change a character
 * ("LDDI21DKS8" for LDDI21DK8, "22127224046" for a licence's 2212224046); taken only here,
 * where a front's number is missing and this print was odd.
 */
function numberLike(text: string): boolean {
  if (!/^[A-Z0-9]{8,12}$/.test(text)) return false;
  const digits = (text.match(/\d/g) ?? []).length;
  const letters = text.length - digits;
  return letters === 0 ? digits >= 9 : digits >= 2 && letters >= 2;
}

/**
 * A closer look for a front's document number that no reading found: odd pieces of print are
 * read again, each with its row around it. Tesseract's page layout may join a number to the
 * label above it (a Dutch card front turned by 4.4° read "TCE" where, turned by 4°, it read the
 * number); cropped with its row it reads. Only numbers are taken from these readings: those the
 * number finder knows, else a word that can only be the number (`numberLike`).
 */
export async function numberInOddPrint(
  img: RawImage,
  ocr: OcrEngine,
  lines: readonly OcrLine[],
  found: readonly Finding[],
  known: KnownValues,
): Promise<Finding[]> {
  const front = found.some((f) => f.kind === 'photo');
  if (!front || found.some((f) => f.kind === 'document_number')) return [];
  const out: Finding[] = [];
  for (const crop of oddPieces(lines, found)) {
    const read = await readTextIn(img, crop, ocr);
    const numbers = findNumbers(read, known).filter(
      (f) => f.kind === 'document_number' || f.kind === 'personal_number',
    );
    const words = read.flatMap((l) => l.words).filter((w) => numberLike(w.text.trim()));
    out.push(
      ...numbers,
      ...words
        .filter((w) => !numbers.some((n) => overlapRatio(n.box, w.box) >= 0.5))
        .map((w): Finding => ({
          kind: 'document_number',
          box: w.box,
          confidence: 0.6,
          via: 'odd-print',
          secret: w.text.trim(),
        })),
    );
  }
  return out;
}
