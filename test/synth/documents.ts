import sharp from 'sharp';
import type { Box, RegionKind } from '../../shared/regions.ts';
import { ensureZxing } from '../../electron/core/pipeline/find/zxing.ts';
import { writeBarcode } from 'zxing-wasm';
import { guillocheSvg, perforate, Sheet } from './draw.ts';
import type { PrintStyle } from './print-style.ts';
import { field, finishSide, keepFields, mmBox, mrzBlock } from './print.ts';
import { mrzDate, printedBsn, visualDate, type Holder } from './holder.ts';
import { td1, td3 } from './mrz-build.ts';

/** Ground truth: what must be black afterwards, and what must stay readable. */
export interface TruthRegion {
  kind: RegionKind;
  box: Box;
  /** For identity fields that must stay legible: which one ("surname", "birth", …). */
  field?: string;
}
export interface SyntheticSide {
  png: Buffer;
  width: number;
  height: number;
  secrets: TruthRegion[];
  keep: TruthRegion[];
  mrzLines: string[];
}
export interface SyntheticDocument {
  type: 'nl-passport' | 'nl-id-card' | 'foreign-passport' | 'nl-driving-licence' | 'be-id-card';
  holder: Holder;
  sides: SyntheticSide[];
}

/** Passport data page, 125 × 88 mm, laid out after ICAO 9303 part 4 (TD3). */
export async function passportPage(
  holder: Holder,
  opts: { mm: number; seed: number; country: 'NLD' | 'UTO'; style?: PrintStyle },
): Promise<SyntheticSide> {
  const { mm, seed } = opts;
  const nl = opts.country === 'NLD';
  const sheet = new Sheet(Math.round(125 * mm), Math.round(88 * mm), opts.style);
  sheet.svg(guillocheSvg(sheet.width, sheet.height, nl ? '#c9a0b6' : '#9fb7c9', seed));
  const { photo, ghost } = sheet.portraits(mm, seed, {
    photo: mmBox(mm, 5, 17, 33, 42),
    ghost: mmBox(mm, 103, 47, 16, 20),
    ghostOpacity: 0.35,
  });
  await sheet.text(
    nl ? 'KONINKRIJK DER NEDERLANDEN' : 'UTOPIA',
    40 * mm,
    3 * mm,
    3 * mm,
    'bold',
    '#3a2050',
  );
  await field(sheet, mm, 'Type / Type', 'P', 42, 9);
  await field(sheet, mm, 'Code / Code', opts.country, 58, 9);
  const docNo = await field(
    sheet,
    mm,
    'Documentnummer / Document no.',
    holder.documentNumber,
    78,
    9,
  );
  const surname = await field(sheet, mm, 'Naam / Surname', holder.surname.toUpperCase(), 42, 16);
  const given = await field(sheet, mm, 'Voornamen / Given names', holder.given, 42, 23);
  const nationality = await field(
    sheet,
    mm,
    'Nationaliteit / Nationality',
    nl ? 'Nederlandse' : 'Utopian',
    42,
    30,
  );
  const birth = await field(
    sheet,
    mm,
    'Geboortedatum / Date of birth',
    visualDate(holder.birth),
    42,
    37,
  );
  await field(sheet, mm, 'Geslacht / Sex', holder.sex === 'F' ? 'V/F' : 'M/M', 88, 37);
  await field(sheet, mm, 'Geboorteplaats / Place of birth', holder.placeOfBirth, 42, 44);
  await field(sheet, mm, 'Datum verstrekking / Date of issue', visualDate(holder.issue), 42, 51);
  const expiry = await field(
    sheet,
    mm,
    'Geldig tot / Date of expiry',
    visualDate(holder.expiry),
    42,
    58,
  );
  const secrets: TruthRegion[] = [
    { kind: 'photo', box: photo },
    { kind: 'ghost_photo', box: ghost! },
    { kind: 'document_number', box: docNo },
  ];
  if (!nl) {
    // Many passports print the number twice: the field, and a serial in red ink at the top of
    // the page (often in another typeface), which must be found as well.
    secrets.push({
      kind: 'document_number',
      box: await sheet.text(holder.documentNumber, 98 * mm, 2.5 * mm, 3.6 * mm, 'mono', '#c0282d'),
    });
  }
  if (nl) {
    secrets.push({
      kind: 'personal_number',
      box: await field(sheet, mm, 'Persoonsnummer / Personal no.', printedBsn(holder.bsn), 5, 62),
    });
    // The number again, perforated down the right edge of the page.
    secrets.push({
      kind: 'document_number',
      box: await perforate(sheet, holder.documentNumber, 120.5 * mm, 6 * mm, 3.2 * mm),
    });
  }
  const mrzLines = td3({
    docCode: 'P',
    state: opts.country,
    surname: holder.surname,
    given: holder.given,
    documentNumber: holder.documentNumber,
    nationality: opts.country,
    birth: mrzDate(holder.birth),
    sex: holder.sex,
    expiry: mrzDate(holder.expiry),
    optional: nl ? holder.bsn : '',
  });
  secrets.push({ kind: 'mrz', box: await mrzBlock(sheet, mm, mrzLines, 6, 72.5, 6.5) });
  return finishSide(sheet, nl ? '#f4eef2' : '#eef3f6', {
    secrets,
    keep: keepFields({ surname, given, nationality, birth, expiry }),
    mrzLines,
  });
}

/** Dutch ID card (TD1, 85.6 × 54 mm), 2021 model: BSN and QR code on the back. */
export async function idCard(
  holder: Holder,
  opts: { mm: number; seed: number; style?: PrintStyle },
): Promise<SyntheticSide[]> {
  const { mm, seed } = opts;
  const front = new Sheet(Math.round(85.6 * mm), Math.round(54 * mm), opts.style);
  front.svg(guillocheSvg(front.width, front.height, '#a9b9d6', seed));
  const { photo, ghost } = front.portraits(mm, seed, {
    photo: mmBox(mm, 3, 11, 25, 32),
    ghost: mmBox(mm, 70, 32, 12, 15),
    ghostOpacity: 0.35,
  });
  await front.text('NEDERLANDSE IDENTITEITSKAART', 22 * mm, 2.5 * mm, 2.6 * mm, 'bold', '#23335a');
  const docNo = await field(
    front,
    mm,
    'Documentnummer / Document no.',
    holder.documentNumber,
    31,
    7.5,
  );
  const surname = await field(front, mm, 'Naam / Surname', holder.surname.toUpperCase(), 31, 14);
  const given = await field(front, mm, 'Voornamen / Given names', holder.given, 31, 20.5);
  const birth = await field(
    front,
    mm,
    'Geboortedatum / Date of birth',
    visualDate(holder.birth),
    31,
    27,
  );
  const nationality = await field(
    front,
    mm,
    'Nationaliteit / Nationality',
    'Nederlandse',
    31,
    33.5,
  );
  const expiry = await field(
    front,
    mm,
    'Geldig tot / Date of expiry',
    visualDate(holder.expiry),
    31,
    40,
  );

  const back = new Sheet(front.width, front.height, opts.style);
  back.svg(guillocheSvg(back.width, back.height, '#b9c6dd', seed + 3));
  const bsn = await field(back, mm, 'Persoonsnummer / Personal no.', printedBsn(holder.bsn), 4, 4);
  await ensureZxing();
  const qr = await writeBarcode(`BSN:${holder.bsn}`, {
    format: 'QRCode',
    scale: 1,
    addQuietZones: false,
  });
  const qrBox = mmBox(mm, 60, 3, 20, 20);
  const qrPng = await sharp(Buffer.from(qr.svg))
    .resize(qrBox.width, qrBox.height, { kernel: 'nearest' })
    .png()
    .toBuffer();
  back.layers.push({ input: qrPng, left: qrBox.x, top: qrBox.y });
  await field(back, mm, 'Geboorteplaats / Place of birth', holder.placeOfBirth, 4, 12);
  const mrzLines = td1({
    docCode: 'I',
    state: 'NLD',
    surname: holder.surname,
    given: holder.given,
    documentNumber: holder.documentNumber,
    nationality: 'NLD',
    birth: mrzDate(holder.birth),
    sex: holder.sex,
    expiry: mrzDate(holder.expiry),
    optional: holder.bsn,
  });
  const mrz = await mrzBlock(back, mm, mrzLines, 4.5, 34, 5.8);
  return [
    await finishSide(front, '#eef1f7', {
      secrets: [
        { kind: 'photo', box: photo },
        { kind: 'ghost_photo', box: ghost! },
        { kind: 'document_number', box: docNo },
      ],
      keep: keepFields({ surname, given, birth, nationality, expiry }),
    }),
    await finishSide(back, '#eef1f7', {
      secrets: [
        { kind: 'personal_number', box: bsn },
        { kind: 'barcode', box: qrBox },
        { kind: 'mrz', box: mrz },
      ],
      mrzLines,
    }),
  ];
}
