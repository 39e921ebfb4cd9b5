import { overlapRatio, type Box } from '../../../../shared/regions.ts';
import type { OcrEngine } from '../ocr/engine.ts';
import { readTextIn } from '../ocr/page.ts';
import type { OcrLine } from '../ocr/text.ts';
import type { RawImage } from '../raw-image.ts';
import type { Finding } from './finding.ts';
import { findNumbers, type KnownValues } from './numbers.ts';

/** Four overlapping quarters (60 % of each side), so a field on a seam lies whole in one. */
const TILES = [0, 0.4].flatMap((y) => [0, 0.4].map((x) => ({ x, y, w: 0.6, h: 0.6 })));

/** Page text worth a second look holds at least this many lines (not a blank photo). */
const MIN_LINES = 5;

/**
 * The number kinds still missing: a value the MRZ gave that no finding matched, or a document
 * number of any kind when none was found at all (a card front has no MRZ to give it). The
 * document number is printed beside the portrait (data page, card front, licence front), so it
 * is looked for again only on a side with one: a card back's number is in its MRZ alone.
 */
function missingKinds(found: readonly Finding[], known: KnownValues): Set<Finding['kind']> {
  const byValue = (kind: Finding['kind']) =>
    found.some((f) => f.kind === kind && f.via === 'mrz-value');
  const missing = new Set<Finding['kind']>();
  const portrait = found.some((f) => f.kind === 'photo');
  const docFound = known.documentNumbers.length
    ? byValue('document_number')
    : found.some((f) => f.kind === 'document_number');
  if (portrait && !docFound) missing.add('document_number');
  if (known.personalNumbers.length && !byValue('personal_number')) missing.add('personal_number');
  return missing;
}

/**
 * A second look for numbers the page text did not show. Page OCR reads the page at one working
 * size, at which a phone photo's small print is a few pixels high; read again in quarters, each
 * at that working size, the same print is nearly twice as large. Only when a number is missing
 * is the extra reading paid for, and only the missing kinds are taken from it. Every quarter is
 * read: a number printed twice (field and serial) must be found twice.
 */
export async function secondLook(
  img: RawImage,
  lines: readonly OcrLine[],
  found: readonly Finding[],
  known: KnownValues,
  ocr: OcrEngine,
  avoid: Box | null,
): Promise<Finding[]> {
  const missing = missingKinds(found, known);
  if (missing.size === 0 || lines.length < MIN_LINES) return [];
  const out: Finding[] = [];
  for (const t of TILES) {
    const tile = {
      x: t.x * img.width,
      y: t.y * img.height,
      width: t.w * img.width,
      height: t.h * img.height,
    };
    const read = await readTextIn(img, tile, ocr);
    out.push(
      ...findNumbers(read, known).filter(
        (f) => missing.has(f.kind) && (!avoid || overlapRatio(f.box, avoid) < 0.6),
      ),
    );
  }
  return out;
}
