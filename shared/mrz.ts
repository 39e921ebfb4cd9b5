import { parse, states } from 'mrz';
import { foldConfusables, lookalikeOf } from './numbers/ocr-confusion.ts';

/** What the rest of the app needs from an MRZ: the document and the numbers to hide. */
export interface MrzInfo {
  format: 'TD1' | 'TD2' | 'TD3' | 'DL1' | 'UNKNOWN';
  documentCode: string;
  issuingState: string;
  documentNumber: string | null;
  /** Personal number / optional data (the BSN on Dutch documents), each non-empty field. */
  personalNumbers: string[];
  /** All check digits held. */
  valid: boolean;
  /** The document number's own check digit held (when the others may not). */
  numberValid?: boolean;
  /**
   * Share of the parser's checks that held (check digits, codes, dates): of two readings that
   * are not valid, the one with more is the less garbled.
   */
  held?: number;
}

const LENGTHS: Record<number, number[]> = { 1: [30], 2: [44, 36], 3: [30] };

/** MRZ-likeness of one OCR line: mostly MRZ alphabet, long, with filler or many digits. */
export function mrzLineScore(line: string): number {
  const clean = line.replace(/\s/g, '');
  if (clean.length < 20) return 0;
  const alphabet = [...clean].filter((c) => /[A-Z0-9<]/.test(c)).length / clean.length;
  const fillers = (clean.match(/</g) ?? []).length;
  const digits = (clean.match(/\d/g) ?? []).length;
  return alphabet * (fillers >= 2 || digits >= 8 ? 1 : 0.4) * Math.min(1, clean.length / 30);
}

function fitLength(line: string, length: number): string {
  if (line.length === length) return line;
  if (line.length > length) return line.slice(0, length);
  return line + '<'.repeat(length - line.length);
}

/**
 * A first line read with a mark before it: its document code is one or two characters and its
 * state's three begin with a letter (Germany's "D<<" too), so a filler where the state begins,
 * with a code and a state in their places one character on, is a stray mark read at its start (a
 * card's edge beside the band: "VP<NLD…", a Dutch passport taken for a visa of state "NL").
 */
function withoutStrayLead(line: string): string {
  return line[2] === '<' && /^[A-Z][A-Z<][A-Z]/.test(line.slice(1)) ? line.slice(1) : line;
}

/** Picks the MRZ lines out of OCR output and brings them to their format's exact length. */
export function normalizeMrzLines(raw: readonly string[]): string[] {
  const lines = raw
    .map((l) => l.replace(/\s/g, '').toUpperCase())
    .filter((l) => mrzLineScore(l) >= 0.6)
    .map((l, i, all) => (i === 0 && all.length > 1 ? withoutStrayLead(l) : l));
  if (lines.length === 0 || lines.length > 3) return lines;
  const mean = lines.reduce((s, l) => s + l.length, 0) / lines.length;
  const target = (LENGTHS[lines.length] ?? [mean]).reduce((best, n) =>
    Math.abs(n - mean) < Math.abs(best - mean) ? n : best,
  );
  // OCR most often drops or adds trailing '<' fillers, so a few characters either way are fitted.
  return Math.abs(target - mean) <= 6 ? lines.map((l, i) => fitLine(l, target, i)) : lines;
}

/**
 * Where the dates and their check digits lie on the second line of a TD3 (44 characters) or TD2
 * (36): the date of birth, then the expiry, after the number and nationality. (A TD1's second
 * line begins with the date of birth: characters lost at its start leave it unchecked either way.)
 */
const DATES_AT: [from: number, check: number][] = [
  [13, 19],
  [21, 27],
];

/** How many of a TD3's or TD2's second line's dates read with their check digits holding. */
function datesHolding(line: string): number {
  // The two-line formats' lengths: a TD3's or TD2's.
  if (!LENGTHS[2]?.includes(line.length)) return 0;
  return DATES_AT.filter(([from, check]) => {
    const date = line.slice(from, check);
    return /^\d{6}$/.test(date) && mrzCheckDigit(date) === Number(line[check]);
  }).length;
}

/**
 * A line fitted to its format's length. The second line read short by a few characters lost
 * them at its start when only so do both its dates' check digits hold: the band's left end in a
 * shadow lost a Dutch passport's "NE" of NE1W44NN3, and every field after it read one place
 * off, the MRZ unchecked and its layout (the perforated number) unplaced.
 */
function fitLine(line: string, length: number, row: number): string {
  const atEnd = fitLength(line, length);
  const lost = length - line.length;
  if (row !== 1 || lost < 1 || lost > 3) return atEnd;
  const atStart = '<'.repeat(lost) + line;
  return datesHolding(atStart) === 2 && datesHolding(atEnd) < 2 ? atStart : atEnd;
}

/** Each state's code by its look-alikes folded (the first of any two that fold alike). */
const STATE_CODES = new Map<string, string>();
for (const code of Object.keys(states))
  if (!STATE_CODES.has(foldConfusables(code))) STATE_CODES.set(foldConfusables(code), code);

/** The state's code `code` reads as, a character or two taken for their look-alikes, or null. */
function stateCode(code: string): string | null {
  return STATE_CODES.get(foldConfusables(code)) ?? null;
}

/**
 * The one-line MRZ of the 2014-model Dutch (EU) driving licence: 'D1NLD…', 30 characters. The
 * format's version is 1 (read as I or L at worst): any line of print that began with D and a
 * digit passed for a licence's MRZ, such as a watermark read in the MRZ alphabet ("D3EJY…"). Its
 * state is a state's code: a Belgian card's "IDENTITEITSKAART CARTE…" read in the MRZ alphabet
 * as "DINHTEITMCAKN…" passed for one, and the self-check blacked it out over the surname.
 */
function parseDrivingLicenceLine(line: string): MrzInfo | null {
  if (!/^D[1IL<][A-Z0-9<]{3}/.test(line) || line.length < 28) return null;
  const state = stateCode(line.slice(2, 5));
  if (!state) return null;
  return {
    format: 'DL1',
    documentCode: 'D',
    issuingState: state.replace(/</g, ''),
    documentNumber: line.slice(5, 15).replace(/</g, '') || null,
    personalNumbers: [],
    valid: false,
  };
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.replace(/</g, '').length > 0;
}

/** ICAO 9303 check digit: weights 7, 3, 1; A=10 … Z=35; '<' = 0. */
export function mrzCheckDigit(field: string): number {
  let sum = 0;
  for (const [i, c] of [...field].entries()) {
    const v = c === '<' ? 0 : c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * ([7, 3, 1][i % 3] as number);
  }
  return sum % 10;
}

/**
 * A visa's MRZ (MRV-A, 44 characters; MRV-B, 36) looks like a TD3 or TD2 but starts with V, has
 * no composite check digit (optional data fills its place) and a document code the parser does
 * not list.
 */
const isVisa = (lines: readonly string[]) => /^V/.test(lines[0] ?? '');

/** The composite check digit (over document number, dates and optional data), when present. */
function compositeHolds(lines: readonly string[]): boolean {
  if (isVisa(lines)) return true;
  const [a = '', b = ''] = lines;
  let data: string;
  let check: string | undefined;
  if (lines.length === 3 && a.length === 30 && b.length === 30) {
    data = a.slice(5, 30) + b.slice(0, 7) + b.slice(8, 15) + b.slice(18, 29);
    check = b[29];
  } else if (lines.length === 2 && (b.length === 44 || b.length === 36)) {
    data = b.slice(0, 10) + b.slice(13, 20) + b.slice(21, b.length - 1);
    check = b[b.length - 1];
  } else return true;
  return check === undefined || !/\d/.test(check) || mrzCheckDigit(data) === Number(check);
}

/**
 * The document number is alphanumeric, so the parser cannot fix an OCR look-alike in it (Z read
 * as 2). Its check digit and the composite check digit can: try look-alike swaps, fewest first,
 * until both hold.
 */
function repairDocumentNumber(lines: readonly string[]): string[] {
  const row = lines.length === 3 ? 0 : 1;
  const start = lines.length === 3 ? 5 : 0;
  const line = lines[row];
  if (!line || line.length < 30) return [...lines];
  const check = Number(line[start + 9]);
  const withField = (field: string) =>
    lines.map((l, i) => (i === row ? l.slice(0, start) + field + l.slice(start + 9) : l));
  const field = line.slice(start, start + 9);
  const holds = (f: string) => mrzCheckDigit(f) === check && compositeHolds(withField(f));
  if (Number.isNaN(check) || holds(field)) return [...lines];
  const spots = [...field].map((c, i) => (lookalikeOf(c) ? i : -1)).filter((i) => i >= 0);
  let best: string | null = null;
  let bestChanges = Infinity;
  for (let mask = 1; mask < 1 << spots.length; mask++) {
    const chars = [...field];
    let changes = 0;
    spots.forEach((pos, bit) => {
      if (mask & (1 << bit)) {
        chars[pos] = lookalikeOf(chars[pos] as string) as string;
        changes++;
      }
    });
    if (changes < bestChanges && holds(chars.join(''))) {
      best = chars.join('');
      bestChanges = changes;
    }
  }
  return best ? withField(best) : [...lines];
}

const STATE_CODE_ERROR = /invalid state code/;
const VISA_FIELDS = ['documentCode', 'compositeCheckDigit', 'personalNumberCheckDigit'];

/** Parses normalised MRZ lines with the `mrz` package (autocorrect on). Null when unparseable. */
export function parseMrz(lines: readonly string[]): MrzInfo | null {
  if (lines.length === 1) return parseDrivingLicenceLine(lines[0] as string);
  try {
    const repaired = repairDocumentNumber(lines);
    const result = parse(repaired, { autocorrect: true });
    // Fields with a failed check digit come back null; the raw characters still must be hidden.
    const field = (name: string): string | null => {
      const d = result.details.find((x) => x.field === name);
      if (!d) return null;
      const value = d.value ?? (repaired[d.line] ?? '').slice(d.start, d.end);
      return nonEmpty(value) ? value.replace(/</g, '') : null;
    };
    const excused = (d: (typeof result.details)[number]) =>
      d.valid ||
      STATE_CODE_ERROR.test(d.error ?? '') ||
      (isVisa(repaired) && VISA_FIELDS.includes(d.field ?? ''));
    const format =
      result.format === 'TD1' || result.format === 'TD2' || result.format === 'TD3'
        ? result.format
        : 'UNKNOWN';
    return {
      format,
      documentCode: field('documentCode') ?? '',
      issuingState: field('issuingState') ?? '',
      // Fillers put back at the line's start (fitLine) come as spaces too.
      documentNumber: (result.documentNumber ?? field('documentNumber'))?.trim() || null,
      // The MRZ parser gives fillers as spaces: "             5" is one digit, not a number.
      personalNumbers: ['personalNumber', 'optional1', 'optional2']
        .map(field)
        .filter(nonEmpty)
        .map((v) => v.replace(/[\s<]/g, ''))
        .filter((v) => v.length > 0),
      // Check digits are what prove a read; a state code missing from the package's list
      // (specimens' UTO, a new code) says nothing about the reading.
      valid: result.details.every(excused),
      held: result.details.filter(excused).length / Math.max(1, result.details.length),
      numberValid: result.details.some((d) => d.field === 'documentNumberCheckDigit' && d.valid),
    };
  } catch {
    return null;
  }
}
