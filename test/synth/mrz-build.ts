import { mrzCheckDigit as checkDigit } from '../../shared/mrz.ts';

/** Builds MRZ lines with correct ICAO 9303 check digits for synthetic documents. */
export const mrzCheckDigit = (field: string): string => String(checkDigit(field));

const pad = (s: string, n: number) => (s + '<'.repeat(n)).slice(0, n);

export function mrzName(surname: string, given: string, width: number): string {
  const clean = (s: string) =>
    s
      .toUpperCase()
      .replace(/[^A-Z ]/g, '')
      .trim()
      .replace(/ +/g, '<');
  return pad(`${clean(surname)}<<${clean(given)}`, width);
}

export interface MrzData {
  docCode: string;
  state: string;
  surname: string;
  given: string;
  documentNumber: string;
  nationality: string;
  birth: string; // YYMMDD
  sex: 'M' | 'F';
  expiry: string; // YYMMDD
  optional: string;
}

export function td3(d: MrzData): [string, string] {
  const l1 = pad(d.docCode, 2) + d.state + mrzName(d.surname, d.given, 39);
  const doc = pad(d.documentNumber, 9);
  const opt = pad(d.optional, 14);
  const parts = [
    doc + mrzCheckDigit(doc),
    d.birth + mrzCheckDigit(d.birth),
    d.expiry + mrzCheckDigit(d.expiry),
    opt + mrzCheckDigit(opt),
  ];
  const l2 =
    (parts[0] as string) +
    d.nationality +
    parts[1] +
    d.sex +
    parts[2] +
    parts[3] +
    mrzCheckDigit(parts.join(''));
  return [l1, l2];
}

/** TD1 lines 2 and 3 after line 1: dates, sex, nationality, optional data, composite check. */
function td1Rest(l1: string, d: MrzData, optional2: string): [string, string] {
  const l2head =
    d.birth +
    mrzCheckDigit(d.birth) +
    d.sex +
    d.expiry +
    mrzCheckDigit(d.expiry) +
    d.nationality +
    pad(optional2, 11);
  const composite =
    l1.slice(5, 30) + l2head.slice(0, 7) + l2head.slice(8, 15) + l2head.slice(18, 29);
  return [l2head + mrzCheckDigit(composite), mrzName(d.surname, d.given, 30)];
}

export function td1(d: MrzData): [string, string, string] {
  const doc = pad(d.documentNumber, 9);
  const l1 = pad(d.docCode, 2) + d.state + doc + mrzCheckDigit(doc) + pad(d.optional, 15);
  return [l1, ...td1Rest(l1, d, '')];
}

/**
 * TD1 for a document number longer than nine characters (ICAO 9303 part 5, 4.2.4): its first
 * nine in the number field, `<` where the check digit would be, the rest and the check digit of
 * the whole number at the start of the optional data. `optional2` is line 2's optional field
 * (the Belgian national register number).
 */
export function td1Long(d: MrzData & { optional2: string }): [string, string, string] {
  const head = d.documentNumber.slice(0, 9);
  const rest = d.documentNumber.slice(9);
  const l1 =
    pad(d.docCode, 2) +
    d.state +
    head +
    '<' +
    pad(rest + mrzCheckDigit(d.documentNumber) + d.optional, 15);
  return [l1, ...td1Rest(l1, d, d.optional2)];
}
