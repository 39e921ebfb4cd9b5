import {
  isValidBeCardNumber,
  isValidBeNationalNumber,
} from '../../../../shared/numbers/be-national-number.ts';
import { isValidBsn } from '../../../../shared/numbers/bsn.ts';
import { foldConfusables, looksLike } from '../../../../shared/numbers/ocr-confusion.ts';
import { overlapRatio, type Box } from '../../../../shared/regions.ts';
import type { OcrLine, OcrWord } from '../ocr/text.ts';
import { birthDateNumbers } from './birth-number.ts';
import { dutchNumberIn } from './dutch-number.ts';
import type { Finding } from './finding.ts';
import { DATE_LIKE, valueInPieces, valueWordsNear, withRestOfRun } from './label-value.ts';
import { findLicenceNumbers } from './licence-number.ts';
import { clearOfOtherLines, printBand } from './print-band.ts';
import { joinSplitLines, NUMERIC } from './split-lines.ts';
import { endOfValue, garbledSerial, wholeOf, withLostCharacters } from './known-values.ts';

/**
 * Up to four neighbouring words of one line, joined: "1234 56 782" is one number. Five when all
 * are digits and separators: a Belgian national number read apart at every separator
 * ("95. 07. 21- 934. 92") is five words.
 */
interface Span {
  text: string;
  box: Box;
  line: OcrLine;
  words: number;
}

const MAX_WORDS = 4;
const MAX_NUMERIC_WORDS = 5;

function spansOf(lines: readonly OcrLine[]): Span[] {
  const spans: Span[] = [];
  const allWords = lines.flatMap((l) => l.words);
  for (const line of joinSplitLines(lines)) {
    const words = line.words.filter((w) => w.text.trim());
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= MAX_NUMERIC_WORDS && i + n <= words.length; n++) {
        const part = words.slice(i, i + n) as OcrWord[];
        if (n > MAX_WORDS && !part.every((w) => NUMERIC.test(w.text))) break;
        spans.push({
          text: part.map((w) => w.text).join(' '),
          // One word's box may hold another line's print; several words' boxes keep to the
          // band their digits share (printBand).
          box: n === 1 ? clearOfOtherLines(printBand(part), part, allWords) : printBand(part),
          line,
          words: n,
        });
      }
    }
  }
  return spans;
}

/**
 * Characters in the longest value a number's label stands over (a Belgian national number's 11
 * digits, a licence's 10), with room for a garbled one: the rest of a label read as one word,
 * "Documentnu" then "iiSEARSEHRSREN0", is longer, and was taken for the value under it.
 */
const MAX_VALUE_CHARS = 13;
const BSN_LABEL =
  /\b(bsn|burgerservice\s*nummer|persoonsnummer|personal\s*n[or]|personal\s*number|n[°o]\s*personnel)/i;
const DOC_LABEL =
  /(documentnummer|document\s*n[oru]|doc\.?\s*n[or]|passport\s*n[or]|pass-?\s*n[or]|n[°o]\s*(de\s*)?passeport|card\s*n[or]|kaartnummer|ausweis-?\s*n)/i;
/** One or two letters, then seven or eight digits (the letter O read for a zero), nine in all. */
const SERIAL = /^(?=.{9}$)([A-Z]{1,2}?)([0-9O]{7,8})$/;
const FULL_DATE = /^\d{1,2}[./-]\d{1,2}[./-](19|20)\d{2}$/;
/**
 * A Belgian national number as the cards print it, YY.MM.DD-NNN.CC, its separators read as
 * printed: no date, card number or other number on a card is printed so.
 */
const BE_NATIONAL_SHAPE = /^\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}$/;
/**
 * A day and a month at a span's start: a date garbled further on, never a BSN, whose groups are
 * printed 4.2.3 or not at all (a licence's issue date "04.02.2017" reread "04.0252000" passed
 * the 11-proef, as one in eleven such misreadings does, and was blacked out as a BSN).
 */
const DATE_START = /^(0?[1-9]|[12]\d|3[01])[./-](0[1-9]|1[0-2])/;

/**
 * Text as a number candidate: only digits and separators, digits only returned. A dot between
 * digits may be read as a colon or comma (a Belgian national number in a shadow, "93.02.19-037:02");
 * the checksum, not the separators, tells a number.
 */
function digitsOnly(text: string): string | null {
  const t = text
    .trim()
    .replace(/[,;:]$/, '')
    .replace(/(?<=\d)[,:](?=\d)/g, '.');
  if (!NUMERIC.test(t) || DATE_LIKE.test(t)) return null;
  // A date with its year in full is a date, also after a field number ("3. 14.04.1997"): its
  // digits would pass the 11-proef one time in eleven.
  if (t.split(/\s+/).some((w) => FULL_DATE.test(w))) return null;
  return t.replace(/[.\s-]/g, '');
}

export interface KnownValues {
  documentNumbers: string[];
  personalNumbers: string[];
}

/**
 * Finds document numbers and personal numbers (BSN, Belgian national number, MRZ personal
 * number) in the page text: by the value read from the MRZ, by label, and by pattern/checksum.
 */
export function findNumbers(lines: readonly OcrLine[], known: KnownValues): Finding[] {
  const out: Finding[] = [];
  // Once per place: a finding that starts where one of its kind did is kept only when it reaches
  // further (a whole national number after the prefix of it a misread MRZ gave).
  const add = (f: Finding) => {
    if (
      !out.some(
        (o) =>
          o.kind === f.kind &&
          o.box.x === f.box.x &&
          o.box.y === f.box.y &&
          o.box.width >= f.box.width,
      )
    )
      out.push(f);
  };
  // Fewest words first: the value on its own is found before a span that adds its label.
  const spans = spansOf(lines).sort((a, b) => a.words - b.words);

  for (const span of spans) {
    const folded = foldConfusables(span.text);
    const byValue = [
      ['document_number', known.documentNumbers.filter((v) => v.length >= 6)],
      [
        'personal_number',
        // Judged on the value as matched (folded): a short value would match half the page.
        known.personalNumbers.filter(
          (v) => v.replace(/\D/g, '').length >= 6 || foldConfusables(v).length >= 8,
        ),
      ],
    ] as const;
    for (const [kind, values] of byValue) {
      for (const value of values) {
        const shown =
          looksLike(span.text, value) ||
          (folded.length <= value.length + 4 && folded.includes(foldConfusables(value))) ||
          (kind === 'document_number' && (garbledSerial(span, value) || endOfValue(span, value)));
        // A longer span around a value already found only adds a label ("4d.", "BSN") to it.
        const within = out.some(
          (o) => o.kind === kind && o.secret === value && overlapRatio(o.box, span.box) >= 0.98,
        );
        if (shown && !within)
          add({
            kind,
            box: withLostCharacters(span.box, span.text, value),
            confidence: 0.95,
            via: 'mrz-value',
            secret: value,
          });
      }
    }
    const digits = digitsOnly(span.text);
    if (digits?.length === 9 && isValidBsn(digits) && !DATE_START.test(span.text.trim())) {
      add({
        kind: 'personal_number',
        box: span.box,
        confidence: 0.85,
        via: '11-proef',
        secret: digits,
      });
    }
    const compact = span.text.replace(/\s/g, '');
    if (digits?.length === 11 && isValidBeNationalNumber(digits)) {
      add({
        kind: 'personal_number',
        box: span.box,
        confidence: 0.85,
        via: 'mod-97',
        secret: digits,
      });
    } else if (digits?.length === 11 && BE_NATIONAL_SHAPE.test(compact)) {
      // Printed as one, with a digit misread so its check fails: on a card lying sideways in a
      // shadow, "98.09.19-141.52" read "08.09.19-141.52" (at 46) and stayed readable.
      add({ kind: 'personal_number', box: span.box, confidence: 0.7, via: 'be-pattern' });
    }
    // A Belgian card number (593-4058184-55), its dashes read as dots or lost to spaces, and its
    // groups split by spaces: still three, seven and two digits. Twelve digits with separators
    // anywhere pass the check one time in 97 (a sideways card's dates and numbers, read as one
    // line, did).
    if (digits && /^\d{3}[-.]?\d{7}[-.]?\d{2}$/.test(compact) && isValidBeCardNumber(digits)) {
      add({
        kind: 'document_number',
        box: span.box,
        confidence: 0.85,
        via: 'mod-97',
        secret: digits,
      });
    }
    // Driving licence back: "BSN/licence number" in one token.
    const slash = /^(\d{8,9})\/(\d{6,12})$/.exec(span.text.trim());
    if (slash && isValidBsn(slash[1] as string)) {
      add({
        kind: 'personal_number',
        box: span.box,
        confidence: 0.8,
        via: 'driving-licence',
        secret: slash[1] as string,
      });
    }
    const nlCandidate = dutchNumberIn(span.text);
    if (nlCandidate) {
      add({
        kind: 'document_number',
        box: span.box,
        confidence: 0.7,
        via: 'nl-pattern',
        secret: nlCandidate,
      });
    }
  }

  for (const span of spans.filter((s) => s.words === 1)) {
    // A serial in the ICAO document number's own shape, on its own: one or two letters and seven
    // or eight digits (a visa foil's number, printed alone in its corner, with no label).
    const serial = SERIAL.exec(span.text.toUpperCase());
    if (!serial) continue;
    const value = (serial[1] as string) + (serial[2] as string).replace(/O/g, '0');
    add({ kind: 'document_number', box: span.box, confidence: 0.6, via: 'serial', secret: value });
  }

  const words = lines.flatMap((l) => l.words);
  for (const line of lines) {
    for (const [label, kind] of [
      [BSN_LABEL, 'personal_number'],
      [DOC_LABEL, 'document_number'],
    ] as const) {
      if (!label.test(line.text)) continue;
      // OCR garbles a character or two ("FG2871))4"): mostly letters and digits is enough here.
      const value = valueWordsNear(lines, line, label).find((w) => {
        const t = w.text.replace(/[.\s-]/g, '');
        const alnum = t.replace(/[^A-Z0-9]/gi, '').length;
        const number = /\d/.test(t) || (kind === 'document_number' && !!dutchNumberIn(t, true));
        const sized = t.length >= 6 && t.length <= MAX_VALUE_CHARS;
        return sized && alnum >= 0.75 * t.length && number && !DATE_LIKE.test(w.text);
      });
      if (!value) {
        const values = kind === 'document_number' ? known.documentNumbers : known.personalNumbers;
        const pieces = valueInPieces(lines, line, values);
        if (pieces) add({ kind, box: pieces, confidence: 0.6, via: 'label' });
        continue;
      }
      const read = value.text.replace(/[.\s-]/g, '');
      const whole = wholeOf(
        read,
        kind === 'document_number' ? known.documentNumbers : known.personalNumbers,
      );
      add({
        kind,
        box: whole ? withLostCharacters(value.box, read, whole) : withRestOfRun(value, words),
        confidence: 0.75,
        via: 'label',
        secret: whole ?? read,
      });
    }
  }
  for (const f of findLicenceNumbers(lines)) add(f);
  for (const f of birthDateNumbers(lines)) add(f);
  return out;
}
