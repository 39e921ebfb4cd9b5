import type { Rng } from './prng.ts';

/** A fictional holder with valid-looking, fictional numbers. */
export interface Holder {
  surname: string;
  given: string;
  sex: 'M' | 'F';
  birth: { y: number; m: number; d: number };
  expiry: { y: number; m: number; d: number };
  issue: { y: number; m: number; d: number };
  placeOfBirth: string;
  bsn: string;
  documentNumber: string;
}

const SURNAMES = [
  'Jansen',
  'De Vries',
  'Van Dijk',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'De Boer',
  'Mulder',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Brouwer',
];
const GIVEN_F = ['Anna', 'Sophie', 'Emma Johanna', 'Fleur', 'Lotte Maria', 'Sanne', 'Eva'];
const GIVEN_M = ['Jan', 'Pieter Willem', 'Daan', 'Bram', 'Lucas Johannes', 'Sem', 'Thijs'];
const PLACES = ['Utrecht', 'Amsterdam', 'Zwolle', 'Groningen', 'Tilburg', 'Leiden', 'Arnhem'];
const DOC_LETTERS = 'ABCDEFGHIJKLMNPQRSTUVWXYZ';
const DOC_ALNUM = DOC_LETTERS + '0123456789';

/** Random 9-digit number passing the 11-proef. */
export function randomBsn(rng: Rng): string {
  for (;;) {
    const d = Array.from({ length: 8 }, (_, i) => (i === 0 ? rng.int(1, 9) : rng.int(0, 9)));
    const sum = d.reduce((acc, v, i) => acc + (9 - i) * v, 0);
    const last = sum % 11;
    if (last < 10) return d.join('') + String(last);
  }
}

export function randomNlDocumentNumber(rng: Rng): string {
  let s = rng.pick([...DOC_LETTERS]) + rng.pick([...DOC_LETTERS]);
  for (let i = 0; i < 6; i++) s += rng.pick([...DOC_ALNUM]);
  return s + String(rng.int(0, 9));
}

export function randomHolder(rng: Rng): Holder {
  const sex = rng.next() < 0.5 ? 'F' : 'M';
  const issueY = rng.int(2017, 2025);
  return {
    surname: rng.pick(SURNAMES),
    given: rng.pick(sex === 'F' ? GIVEN_F : GIVEN_M),
    sex,
    birth: { y: rng.int(1950, 2005), m: rng.int(1, 12), d: rng.int(1, 28) },
    issue: { y: issueY, m: rng.int(1, 12), d: rng.int(1, 28) },
    expiry: { y: issueY + 10, m: rng.int(1, 12), d: rng.int(1, 28) },
    placeOfBirth: rng.pick(PLACES),
    bsn: randomBsn(rng),
    documentNumber: randomNlDocumentNumber(rng),
  };
}

const MONTHS = [
  'JAN/JAN',
  'FEB/FEB',
  'MAA/MAR',
  'APR/APR',
  'MEI/MAY',
  'JUN/JUN',
  'JUL/JUL',
  'AUG/AUG',
  'SEP/SEP',
  'OKT/OCT',
  'NOV/NOV',
  'DEC/DEC',
];

export function visualDate(d: { y: number; m: number; d: number }): string {
  return `${String(d.d).padStart(2, '0')} ${MONTHS[d.m - 1]} ${d.y}`;
}

export function mrzDate(d: { y: number; m: number; d: number }): string {
  return (
    String(d.y % 100).padStart(2, '0') + String(d.m).padStart(2, '0') + String(d.d).padStart(2, '0')
  );
}

/** "123456782" -> "1234.56.782", the way Dutch documents print the BSN. */
export function printedBsn(bsn: string): string {
  return `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`;
}
