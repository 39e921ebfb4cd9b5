import { isValidBeNationalNumber } from '../../../../shared/numbers/be-national-number.ts';
import type { Box } from '../../../../shared/regions.ts';
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
/** The digits of the number's end a piece read must show: past the date's month. */
const END_DIGITS = 7;

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
      const pitch = word.box.width / text.length;
      const found = (box: Box): Finding[] => [
        { kind: 'personal_number', box, confidence: 0.7, via: 'birth-date' },
      ];
      // A date itself is no piece of the number (match: the global pattern keeps no place here).
      const shaped = /^\d{2}\.\d{2}\.\d/.test(text) && text.match(PRINTED_DATE) === null;
      const piece = digits.length >= PREFIX_DIGITS && digits.length < NUMBER_DIGITS;
      if (shaped && piece && starts.some((s) => s.startsWith(digits.slice(0, s.length)))) {
        const width = Math.max(word.box.width, (NUMBER_CHARS + 0.5) * pitch);
        return found({ ...word.box, width });
      }
      // The number's end, its start lost: a date's start put before it makes it whole, by its
      // check. In glare at a card's edge, "71.09.28-735.76" read "09.28-735.76" (no year, no
      // check of its own) and stayed readable, warned with no spot to point at.
      const tail =
        /^[\d.-]+$/.test(text) &&
        text.match(PRINTED_DATE) === null &&
        piece &&
        digits.length >= END_DIGITS;
      const lost = NUMBER_DIGITS - digits.length;
      const whole = (s: string) => `${s.slice(0, lost)}${digits}`;
      if (!tail || !starts.some((s) => whole(s).startsWith(s) && isValidBeNationalNumber(whole(s))))
        return [];
      const before = (Math.max(0, NUMBER_CHARS - text.length) + 0.5) * pitch;
      return found({ ...word.box, x: word.box.x - before, width: word.box.width + before });
    }),
  );
}
