import { unionBoxes, type Box } from '../../../../shared/regions.ts';
import type { OcrWord } from '../ocr/text.ts';

/**
 * How far a word may still sit above or below its neighbour per pixel between them: pages tilted
 * less than 1.5° are read as they lie (steeper ones are turned or warped upright first), so 2°
 * leaves room for a tilt measured a little short.
 */
const LEFT_TILT = Math.tan((2 * Math.PI) / 180);

/** Print made of digits (two or more) and separators only: every glyph is as tall as a capital. */
function digitGroup(word: OcrWord): boolean {
  return !/[A-Za-z]/.test(word.text) && (word.text.match(/\d/g)?.length ?? 0) >= 2;
}

/**
 * The box of neighbouring words printed on one line. The reader's box for a word holds every
 * stroke it took for part of a glyph: on a card's guilloche a digit group's box ran two to three
 * times the print's height (70–88 px on 26–32 px digits of a Belgian card number), over the date
 * printed above it and the date below. The shortest digit group shows how tall the print is;
 * where every word's box holds a band that tall (one straight line), the box keeps to that band,
 * with room for the tilt the page may still have and half the print's height above and below.
 * Anything else (one word, no digit group, words that do not line up) keeps the union.
 */
export function printBand(words: readonly OcrWord[]): Box {
  const union = unionBoxes(words.map((w) => w.box));
  const groups = words.filter(digitGroup);
  if (words.length < 2 || groups.length === 0) return union;
  const print = Math.min(...groups.map((w) => w.box.height));
  const top = Math.max(...words.map((w) => w.box.y));
  const bottom = Math.min(...words.map((w) => w.box.y + w.box.height));
  if (bottom - top < 0.75 * print) return union;
  const room = Math.max(0.5 * print, LEFT_TILT * union.width);
  const y0 = Math.max(union.y, top - room);
  const y1 = Math.min(union.y + union.height, bottom + room);
  return { x: union.x, y: y0, width: union.width, height: y1 - y0 };
}

/**
 * The band with the rows of other lines' words left out: a word's box that took in the label
 * printed above it (a Belgian card number's box ran from its label's top to the next label's,
 * 88 px on 30 px digits) ends where that label's words end.
 */
export function clearOfOtherLines(
  band: Box,
  own: readonly OcrWord[],
  words: readonly OcrWord[],
): Box {
  let top = band.y;
  let bottom = band.y + band.height;
  for (const w of words) {
    if (own.includes(w) || w.box.height >= 0.6 * band.height) continue;
    const across = Math.min(w.box.x + w.box.width, band.x + band.width) - Math.max(w.box.x, band.x);
    if (across < 0.5 * w.box.width) continue;
    // Mostly inside: a label's box may start a few pixels above the number's (a Dutch card's
    // number read as one 55 px word that began 3 px under its label's top and ended 2 px into the
    // next label's row). Sticking out, only a label's small print: print near the box's own height
    // is the rest of the number read as a line of its own ("BPOXBS564:" and, 1.6 px lower, "42").
    const inside =
      Math.min(w.box.y + w.box.height, band.y + band.height) - Math.max(w.box.y, band.y);
    if (inside < 0.5 * w.box.height) continue;
    const within = w.box.y >= band.y && w.box.y + w.box.height <= band.y + band.height;
    if (!within && w.box.height >= 0.4 * band.height) continue;
    if (w.box.y + w.box.height / 2 < band.y + band.height / 2)
      top = Math.max(top, w.box.y + w.box.height);
    else bottom = Math.min(bottom, w.box.y);
  }
  // Little left: the words are the print's neighbours on its own rows, not a line above or below.
  if (bottom - top < 0.3 * band.height) return band;
  return { ...band, y: top, height: bottom - top };
}
