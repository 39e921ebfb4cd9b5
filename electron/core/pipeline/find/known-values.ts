import { editDistance, foldConfusables } from '../../../../shared/numbers/ocr-confusion.ts';
import type { Box } from '../../../../shared/regions.ts';

// Text read on the page against a value known from the MRZ: where it stands, and how garbled a
// reading still counts as it.

/**
 * The box of a value read short (matched with characters lost). Read as an unbroken part of the
 * value, the lost characters stood where the value says: a passport's number read "CUW9KG" under
 * its label, three characters short, left "NI6" readable past its black. Otherwise the text
 * cannot tell which end lost them, and the box runs their pitch past both (a 12 MP photo's BSN
 * read as "323.96.923", its first digit joined to the label above, was blacked out from the
 * second digit on, before the box grew past both ends). Half a character more on a side that
 * lost any: glyphs differ in width, and the pitch is the read ones' mean.
 */
export function withLostCharacters(box: Box, read: string, value: string): Box {
  const shown = foldConfusables(read);
  const whole = foldConfusables(value);
  const lost = whole.length - shown.length;
  if (lost <= 0 || shown.length === 0) return box;
  const pitch = box.width / shown.length;
  const at = whole.indexOf(shown);
  const placed = at >= 0 && whole.lastIndexOf(shown) === at;
  const before = placed ? at : lost;
  const after = placed ? lost - at : lost;
  const slack = (n: number) => (n > 0 ? (n + 0.5) * pitch : 0);
  return { ...box, x: box.x - slack(before), width: box.width + slack(before) + slack(after) };
}

/**
 * One word read, folded, beside a document number of letters and digits long enough (eight or
 * more) that no other word on a page comes close to it by chance (a shorter or all-digit value
 * might: a date); null otherwise.
 */
function oneWordBesideSerial(
  span: { text: string; words: number },
  value: string,
): { read: string; whole: string } | null {
  const whole = foldConfusables(value);
  if (span.words !== 1 || whole.length < 8 || !/\d/.test(whole) || !/\p{L}/u.test(whole))
    return null;
  return { read: foldConfusables(span.text), whole };
}

/**
 * A document number's second print (a red serial, another face) that OCR garbled twice: one word
 * of about its length, two edits from it. A passport's red "UVGTZE830" read "UVOTZES830" (G for
 * O, an S slipped in) was left readable, with no warning.
 */
export function garbledSerial(span: { text: string; words: number }, value: string): boolean {
  const w = oneWordBesideSerial(span, value);
  return (
    !!w && Math.abs(w.read.length - w.whole.length) <= 1 && editDistance(w.read, w.whole, 2) <= 2
  );
}

/**
 * A document number whose one end was read as a word of its own: a passport's number printed
 * over its label, "IPFNQ4N38" read "IPFNQ4" and, on a line of its own, "N38", was left readable
 * beside the black of its label. Two thirds of the value at least, unbroken from its first or
 * last character; the box then runs over the characters lost.
 */
export function endOfValue(span: { text: string; words: number }, value: string): boolean {
  const w = oneWordBesideSerial(span, value);
  return (
    !!w &&
    w.read.length < w.whole.length &&
    w.read.length >= Math.max(6, Math.ceil((2 * w.whole.length) / 3)) &&
    (w.whole.startsWith(w.read) || w.whole.endsWith(w.read))
  );
}

/** The known value a value read beside its label is an unbroken part of, if any. */
export function wholeOf(read: string, values: readonly string[]): string | undefined {
  const shown = foldConfusables(read);
  return shown.length >= 4
    ? values.find((v) => {
        const whole = foldConfusables(v);
        return whole.length > shown.length && whole.includes(shown);
      })
    : undefined;
}
