import type { OcrLine } from '../ocr/text.ts';
import type { Finding } from './finding.ts';

// EU driving licences number their fields (directive 2006/126/EC): 5 is the licence number, 4d
// a personal number (the BSN on a Dutch licence, found by its 11-proef elsewhere).
const LICENCE_TITLE = /RIJBEWIJS|DRIVING\s*LICEN[CS]E|PERMIS\s*DE\s*CONDUIRE|F[UÜ]HRERSCHEIN/i;
/** The field number 5 as OCR reads it: "5.", "5", "S." or "5," before the value. */
const FIELD_5 = /^[5S][.,:]?$/;
const DATE_LIKE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;

/** A licence number's shape: six to thirteen letters and digits, at least half of them digits. */
function licenceValue(text: string): string | null {
  const t = text.replace(/[.\s-]/g, '');
  if (!/^[A-Z0-9]{6,13}$/i.test(t) || DATE_LIKE.test(text)) return null;
  return t.replace(/\D/g, '').length * 2 >= t.length ? t : null;
}

/**
 * The licence number: the value after field number 5 on its line; and, on a page titled as a
 * driving licence, a lone ten-digit number (the Dutch licence number) wherever OCR lost the "5.".
 */
export function findLicenceNumbers(lines: readonly OcrLine[]): Finding[] {
  const licence = lines.some((l) => LICENCE_TITLE.test(l.text));
  const out: Finding[] = [];
  for (const line of lines) {
    const words = line.words.filter((w) => w.text.trim());
    for (const [i, word] of words.entries()) {
      const value = licenceValue(word.text);
      if (!value) continue;
      const afterField5 = i > 0 && FIELD_5.test(words[i - 1]?.text.trim() ?? '');
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
