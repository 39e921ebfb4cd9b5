import { readsAsTitle } from '../../../../shared/documents/identify.ts';
import type { Box } from '../../../../shared/regions.ts';
import type { OcrLine, OcrWord } from '../ocr/text.ts';
import type { Finding } from './finding.ts';

// EU driving licences number their fields (directive 2006/126/EC): 5 is the licence number, 4d
// a personal number (the BSN on a Dutch licence, found by its 11-proef elsewhere).
/** The field number 5 as OCR reads it: "5.", "5", "S." or "5," before the value. */
const FIELD_5 = /^[5S][.,:]?$/;
/**
 * Field 5 read into its value as one word ("5..2120659219", "5.°5363058542"): the label's mark,
 * and a speck beside it, run on into the digits. The value holds no dot, so a date after a field
 * number is never taken for it.
 */
const GLUED_FIELD_5 = /^[5S][^A-Z0-9\s]+([A-Z0-9]{6,13})$/i;
/**
 * On a licence, field 5 read into its ten digits without its mark ("55363058542"): eleven digits
 * are no Dutch licence number, and the number stayed readable.
 */
const RUN_ON_FIELD_5 = /^[5S](\d{10})$/;
/** Field 4d as OCR reads it ("4d.", "4d", "4d,"). */
const FIELD_4D = /^4[dD][.,:]?$/;
/** How many digits a Dutch licence prints in field 5 (licence number) and 4d (BSN). */
const LICENCE_DIGITS = 10;
const BSN_DIGITS = 9;
const DATE_LIKE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;
/**
 * A date its field's label ran into ("16.20.12.2029" for "4b. 20.12.2029", "312.022.1952" for
 * "3. 12.02.1952"): with the dots dropped, ten digits, and a licence's expiry, and a date of
 * birth, were blacked out as its number. A licence number is printed without dots, so a year
 * set off by one at the end is a date's, however its day and month were read.
 */
const ENDS_IN_DATE = /[./-](19|20)\d{2}$/;

/** A licence number's shape: six to thirteen letters and digits, at least half of them digits. */
function licenceValue(text: string): string | null {
  const t = text.replace(/[.\s-]/g, '');
  if (!/^[A-Z0-9]{6,13}$/i.test(t) || DATE_LIKE.test(text) || ENDS_IN_DATE.test(text)) return null;
  return t.replace(/\D/g, '').length * 2 >= t.length ? t : null;
}

/**
 * A number read after its field's label, whole or in part: glare or a washed-out print hid the
 * rest, which a person may still make out, and a number read whole with one digit wrong fails
 * the 11-proef that finds a BSN elsewhere (a phone photo's "0" read as "9" left a licence's BSN
 * readable). A part's box runs on, at the pitch of the digits read, to the length the field holds.
 */
function numberAfterLabel(word: OcrWord, digits: number, whole: boolean): Box | null {
  const read = word.text.replace(/[.,\s-]/g, '');
  // A whole number may be read with a digit twice ("4715777717" for a nine-digit BSN).
  const longest = whole ? digits + 1 : digits - 1;
  // One character of four or more garbled is still the number ("14213662%": its last 1 at a
  // shadow's edge read as '%', and the BSN stayed readable).
  const shown = read.replace(/\D/g, '').length;
  const garbled = read.length - shown;
  if (shown < 2 || garbled > (shown >= 4 ? 1 : 0)) return null;
  if (read.length > longest || DATE_LIKE.test(word.text)) return null;
  const pitch = word.box.width / read.length;
  return { ...word.box, width: Math.max(word.box.width, pitch * digits) };
}

/**
 * The numbered fields: their label, what they hold, how many digits, why they count, and whether
 * a whole number is taken here (field 5's is, with its value, by `findLicenceNumbers` itself).
 */
const NUMBERED_FIELDS = [
  {
    label: FIELD_5,
    kind: 'document_number',
    digits: LICENCE_DIGITS,
    via: 'licence-field-5',
    whole: false,
  },
  { label: FIELD_4D, kind: 'personal_number', digits: BSN_DIGITS, via: 'label', whole: true },
] as const;

/** On a licence, the numbers of field 5 and 4d read after their labels (see `numberAfterLabel`). */
function labelledFields(words: readonly OcrWord[]): Finding[] {
  return words.flatMap((word, i): Finding[] => {
    const label = words[i - 1]?.text.trim() ?? '';
    const field = NUMBERED_FIELDS.find((f) => f.label.test(label));
    const box = field && numberAfterLabel(word, field.digits, field.whole);
    return box ? [{ kind: field.kind, box, confidence: 0.6, via: field.via }] : [];
  });
}

/**
 * The licence number: the value after field number 5 on its line; and, on a page titled as a
 * driving licence, a lone ten-digit number (the Dutch licence number) wherever OCR lost the "5.",
 * and the number read (whole or in part) after the label of field 5 or of 4d (the BSN).
 */
export function findLicenceNumbers(lines: readonly OcrLine[]): Finding[] {
  const licence = lines.some((l) => readsAsTitle(l.text, 'driving_licence'));
  const out: Finding[] = [];
  for (const line of lines) {
    const words = line.words.filter((w) => w.text.trim());
    if (licence) out.push(...labelledFields(words));
    for (const [i, word] of words.entries()) {
      const text = word.text.trim();
      const glued =
        GLUED_FIELD_5.exec(text)?.[1] ?? (licence ? RUN_ON_FIELD_5.exec(text)?.[1] : undefined);
      const value = licenceValue(glued ?? word.text);
      if (!value) continue;
      const afterField5 = !!glued || (i > 0 && FIELD_5.test(words[i - 1]?.text.trim() ?? ''));
      const lone = licence && /^\d{10}$/.test(value);
      if (afterField5 || lone)
        out.push({
          kind: 'document_number',
          box: word.box,
          confidence: afterField5 ? 0.85 : 0.7,
          via: afterField5 ? 'licence-field-5' : 'licence-number',
          secret: value,
        });
    }
  }
  return out;
}
