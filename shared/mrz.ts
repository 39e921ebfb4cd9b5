import { parse } from 'mrz';

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

/** Picks the MRZ lines out of OCR output and brings them to their format's exact length. */
export function normalizeMrzLines(raw: readonly string[]): string[] {
  const lines = raw
    .map((l) => l.replace(/\s/g, '').toUpperCase())
    .filter((l) => mrzLineScore(l) >= 0.6);
  if (lines.length === 0 || lines.length > 3) return lines;
  const mean = lines.reduce((s, l) => s + l.length, 0) / lines.length;
  const target = (LENGTHS[lines.length] ?? [mean]).reduce((best, n) =>
    Math.abs(n - mean) < Math.abs(best - mean) ? n : best,
  );
  return Math.abs(target - mean) <= 3 ? lines.map((l) => fitLength(l, target)) : lines;
}

/** The one-line MRZ of the 2014-model Dutch (EU) driving licence: 'D1NLD…', 30 characters. */
function parseDrivingLicenceLine(line: string): MrzInfo | null {
  if (!/^D[1-9<][A-Z<]{3}/.test(line) || line.length < 28) return null;
  return {
    format: 'DL1',
    documentCode: 'D',
    issuingState: line.slice(2, 5).replace(/</g, ''),
    documentNumber: line.slice(5, 15).replace(/</g, '') || null,
    personalNumbers: [],
    valid: false,
  };
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.replace(/</g, '').length > 0;
}

/** Parses normalised MRZ lines with the `mrz` package (autocorrect on). Null when unparseable. */
export function parseMrz(lines: readonly string[]): MrzInfo | null {
  if (lines.length === 1) return parseDrivingLicenceLine(lines[0] as string);
  try {
    const result = parse([...lines], { autocorrect: true });
    // Fields with a failed check digit come back null; the raw characters still must be hidden.
    const field = (name: string): string | null => {
      const d = result.details.find((x) => x.field === name);
      if (!d) return null;
      const value = d.value ?? (lines[d.line] ?? '').slice(d.start, d.end);
      return nonEmpty(value) ? value.replace(/</g, '') : null;
    };
    const format =
      result.format === 'TD1' || result.format === 'TD2' || result.format === 'TD3'
        ? result.format
        : 'UNKNOWN';
    return {
      format,
      documentCode: field('documentCode') ?? '',
      issuingState: field('issuingState') ?? '',
      documentNumber: result.documentNumber ?? field('documentNumber'),
      personalNumbers: ['personalNumber', 'optional1', 'optional2'].map(field).filter(nonEmpty),
      valid: result.valid,
    };
  } catch {
    return null;
  }
}
