import type { OcrLine } from '../ocr/text.ts';
import type { Finding } from './finding.ts';

/** A date as the cards print it: day, month and a four-digit year. */
const PRINTED_DATE = /\b(\d{2})[./-](\d{2})[./-](\d{2})(\d{2})\b/g;
/** A Belgian national register number as printed (YY.MM.DD-NNN.CC): fifteen characters. */
const NUMBER_CHARS = 15;
/** Its digits: read whole, it is found by its check (numbers.ts). */
const NUMBER_DIGITS = 11;
/** The date's digits a piece read must show to be that number's start: to the day's first. */
const PREFIX_DIGITS = 5;

/**
 * A Belgian national register number read only in part: it begins with its holder's birth date,
 * year first (born 20.09.2000: 00.09.20-…), so a word printed that way that starts like a date
 * on the card, turned round, is the number's start, and the number runs on from it. On a card
 * photographed in a shadow, its number printed in grey fading to the right read "00.09.2": no
 * check to pass, no label, and the number stayed readable (warned, with no spot to point at).
 * The whole number read is found by its check (numbers.ts); only a shorter piece is taken here.
 */
export function birthDateNumbers(lines: readonly OcrLine[]): Finding[] {
  const starts = lines.flatMap((l) =>
    [...l.text.matchAll(PRINTED_DATE)].map(([, d, m, , y]) => `${y}${m}${d}`),
  );
  if (starts.length === 0) return [];
  return lines.flatMap((line) =>
    line.words.flatMap((word): Finding[] => {
      const text = word.text.trim();
      const digits = text.replace(/\D/g, '');
      // A date itself is no piece of the number (match: the global pattern keeps no place here).
      const shaped = /^\d{2}\.\d{2}\.\d/.test(text) && text.match(PRINTED_DATE) === null;
      const piece = digits.length >= PREFIX_DIGITS && digits.length < NUMBER_DIGITS;
      const start = starts.some((s) => s.startsWith(digits.slice(0, s.length)));
      if (!shaped || !piece || !start) return [];
      const pitch = word.box.width / text.length;
      const width = Math.max(word.box.width, (NUMBER_CHARS + 0.5) * pitch);
      return [
        {
          kind: 'personal_number',
          box: { ...word.box, width },
          confidence: 0.7,
          via: 'birth-date',
        },
      ];
    }),
  );
}
