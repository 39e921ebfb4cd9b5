import type { Box } from '../../shared/regions.ts';
import { guillocheSvg, Sheet } from './draw.ts';
import type { SyntheticSide } from './documents.ts';
import { mrzDate, type Holder } from './holder.ts';
import { td1Long } from './mrz-build.ts';
import { field, finishSide, keepFields, mmBox, mrzBlock, valueText } from './print.ts';
import type { PrintStyle } from './print-style.ts';
import type { Rng } from './prng.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** Rijksregisternummer: birth date, a serial (odd for men), and 97 minus the rest mod 97. */
export function randomNationalNumber(holder: Holder, rng: Rng): string {
  const serial = rng.int(0, 498) * 2 + (holder.sex === 'M' ? 1 : 2);
  const base = mrzDate(holder.birth) + String(serial).padStart(3, '0');
  const n = Number((holder.birth.y >= 2000 ? '2' : '') + base);
  return base + two(97 - (n % 97));
}

/** Card number: ten digits and the first ten mod 97 (97 when that is 0). */
export function randomCardNumber(rng: Rng): string {
  const head = '59' + Array.from({ length: 8 }, () => rng.int(0, 9)).join('');
  const rest = Number(head) % 97;
  return head + two(rest === 0 ? 97 : rest);
}

const printedNational = (n: string) =>
  `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)}-${n.slice(6, 9)}.${n.slice(9)}`;
const printedCard = (n: string) => `${n.slice(0, 3)}-${n.slice(3, 10)}-${n.slice(10)}`;
const dotted = (d: { y: number; m: number; d: number }) => `${two(d.d)}.${two(d.m)}.${d.y}`;

/**
 * Belgian eID (2020 model, ID-1, TD1 MRZ), Dutch-language issue. Front: portrait and a small
 * second one, card number, national register number under the portrait. Back: place and date of
 * birth, the national register number again, and the MRZ, which carries the twelve-digit card
 * number with ICAO's overflow and the national number in line 2's optional data.
 */
export async function beIdCard(
  holder: Holder,
  opts: {
    mm: number;
    seed: number;
    nationalNumber: string;
    cardNumber: string;
    style?: PrintStyle;
  },
): Promise<[SyntheticSide, SyntheticSide]> {
  const { mm, seed } = opts;
  const front = new Sheet(Math.round(85.6 * mm), Math.round(54 * mm), opts.style);
  front.svg(guillocheSvg(front.width, front.height, '#c6b48a', seed));
  await front.text(
    'BELGIË  BELGIQUE  BELGIEN  BELGIUM',
    22 * mm,
    2 * mm,
    2.2 * mm,
    'bold',
    '#5a4a1a',
  );
  await front.text(
    'IDENTITEITSKAART  CARTE D’IDENTITÉ  PERSONALAUSWEIS  IDENTITY CARD',
    22 * mm,
    5.2 * mm,
    1.45 * mm,
    'sans',
    '#5a4a1a',
  );
  const { photo, ghost } = front.portraits(mm, seed, {
    photo: mmBox(mm, 3, 9, 24, 31),
    ghost: mmBox(mm, 71, 35, 11, 14),
    ghostOpacity: 0.3,
  });
  const surname = await field(front, mm, 'Naam / Name', holder.surname.toUpperCase(), 30, 8.5);
  const given = await field(front, mm, 'Voornamen / Given names', holder.given, 30, 14.5);
  await field(front, mm, 'Geslacht / Sex', holder.sex === 'F' ? 'V/F' : 'M/M', 30, 20.5);
  const nationality = await field(front, mm, 'Nationaliteit / Nationality', 'BEL', 48, 20.5);
  const birth = await field(
    front,
    mm,
    'Geboortedatum / Date of birth',
    dotted(holder.birth),
    30,
    26.5,
  );
  const card = await field(front, mm, 'Kaartnr / Card No', printedCard(opts.cardNumber), 30, 32.5);
  const expiry = await field(
    front,
    mm,
    'Geldig tot / Valid until',
    dotted(holder.expiry),
    30,
    38.5,
  );
  // Under the portrait, which moves with it.
  const nationalFront: Box = await valueText(
    front,
    printedNational(opts.nationalNumber),
    photo.x,
    photo.y + photo.height + 2.5 * mm,
    2.3 * mm,
  );

  const back = new Sheet(front.width, front.height, opts.style);
  back.svg(guillocheSvg(back.width, back.height, '#cdbf9a', seed + 5));
  await field(
    back,
    mm,
    'Geboorteplaats en -datum / Place and date of birth',
    `${holder.placeOfBirth} ${dotted(holder.birth)}`,
    4,
    3,
  );
  const nationalBack = await field(
    back,
    mm,
    'Rijksregisternr. / National Register No.',
    printedNational(opts.nationalNumber),
    4,
    9.5,
  );
  await field(back, mm, 'Afgegeven te / Issued in', holder.placeOfBirth, 4, 16);
  const chip = mmBox(mm, 60, 5, 11, 9);
  back.svg(
    `<rect x="${chip.x}" y="${chip.y}" width="${chip.width}" height="${chip.height}" rx="${mm}" fill="#c8a84a"/>`,
  );
  const mrzLines = td1Long({
    docCode: 'ID',
    state: 'BEL',
    surname: holder.surname,
    given: holder.given,
    documentNumber: opts.cardNumber,
    nationality: 'BEL',
    birth: mrzDate(holder.birth),
    sex: holder.sex,
    expiry: mrzDate(holder.expiry),
    optional: '',
    optional2: opts.nationalNumber,
  });
  const mrz = await mrzBlock(back, mm, mrzLines, 4.5, 34, 5.8);
  return [
    await finishSide(front, '#f3efe2', {
      secrets: [
        { kind: 'photo', box: photo },
        { kind: 'ghost_photo', box: ghost! },
        { kind: 'document_number', box: card },
        { kind: 'personal_number', box: nationalFront },
      ],
      keep: keepFields({ surname, given, nationality, birth, expiry }),
    }),
    await finishSide(back, '#f3efe2', {
      secrets: [
        { kind: 'personal_number', box: nationalBack },
        { kind: 'mrz', box: mrz },
      ],
      mrzLines,
    }),
  ];
}

/** A Belgian eID whose national and card numbers are valid ones drawn from `rng`. */
export function randomBeIdCard(
  holder: Holder,
  rng: Rng,
  opts: { mm: number; seed: number; style?: PrintStyle },
): Promise<[SyntheticSide, SyntheticSide]> {
  return beIdCard(holder, {
    ...opts,
    nationalNumber: randomNationalNumber(holder, rng),
    cardNumber: randomCardNumber(rng),
  });
}
