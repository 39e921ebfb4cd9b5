import { looksLike } from '../../../../shared/numbers/ocr-confusion.ts';
import { growAlongAcross } from '../../../../shared/regions.ts';
import type { OcrEngine } from '../ocr/engine.ts';
import { readTextIn } from '../ocr/page.ts';
import type { RawImage } from '../raw-image.ts';
import type { Finding } from './finding.ts';

/**
 * A number lying level whose box is this many times its characters' pitch high is the page
 * reader's box swollen by print above or below it (a label, a name): a number's glyphs are
 * about one and a half pitches high.
 */
const SWOLLEN = 2.2;

/** Room around the swollen box, in its own height, for the number read again. */
const PAD = 0.15;

/**
 * The number findings with each swollen box replaced by the box the number has when read again
 * on its own (the crop of its box): there tesseract reads it with a tight box. On phone photos
 * of a card a document number's box was three times its height and its black covered half the
 * surname below. A box is replaced only by one of the same value, read there and less high; a
 * number not read again keeps its box.
 */
export async function tighterNumbers(
  img: RawImage,
  found: readonly Finding[],
  ocr: OcrEngine,
): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const f of found) out.push(await tighter(img, f, ocr));
  return out;
}

async function tighter(img: RawImage, f: Finding, ocr: OcrEngine): Promise<Finding> {
  const number = f.kind === 'document_number' || f.kind === 'personal_number';
  const value = f.secret?.replace(/\s/g, '') ?? '';
  const { width, height } = f.box;
  // A number running down (a document lying sideways) is read by the page reader as it lies.
  if (!number || value.length < 6 || height > width) return f;
  if (height <= (SWOLLEN * width) / value.length) return f;
  const read = await readTextIn(img, growAlongAcross(f.box, PAD * height, PAD * height), ocr);
  const word = read
    .flatMap((l) => l.words)
    .find((w) => looksLike(w.text, value) && w.box.height < height);
  return word ? { ...f, box: word.box } : f;
}
