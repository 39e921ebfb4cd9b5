import type { Box } from '../../shared/regions.ts';
import { guillocheSvg, Sheet } from './draw.ts';
import type { SyntheticSide, TruthRegion } from './documents.ts';
import type { Holder } from './holder.ts';
import { finishSide, keepFields, labelText, mmBox, valueText } from './print.ts';
import type { PrintStyle } from './print-style.ts';
import type { Rng } from './prng.ts';

const dotted = (d: { y: number; m: number; d: number }) =>
  `${String(d.d).padStart(2, '0')}.${String(d.m).padStart(2, '0')}.${d.y}`;

/** The licence number in field 5: ten digits, no check digit a reader could lean on. */
export function randomLicenceNumber(rng: Rng): string {
  return String(rng.int(1, 5)) + Array.from({ length: 9 }, () => rng.int(0, 9)).join('');
}

/**
 * Dutch driving licence front (EU model, ID-1 card): fields numbered as the EU directive has
 * them, the number before each value on one line. 4d is the BSN, 5 the licence number; both must
 * be black. Later models carry a small second portrait at the right.
 */
export async function drivingLicenceFront(
  holder: Holder,
  opts: { mm: number; seed: number; licenceNumber: string; ghost: boolean; style?: PrintStyle },
): Promise<SyntheticSide> {
  const { mm, seed } = opts;
  const sheet = new Sheet(Math.round(85.6 * mm), Math.round(54 * mm), opts.style);
  sheet.svg(guillocheSvg(sheet.width, sheet.height, '#d9a9b9', seed));
  // The EU flag with the state's code, top left.
  const flag = mmBox(mm, 3, 2.5, 11, 8);
  sheet.svg(
    `<rect x="${flag.x}" y="${flag.y}" width="${flag.width}" height="${flag.height}" fill="#1f3f99"/>`,
  );
  await sheet.text('NL', 5.5 * mm, 5 * mm, 3.2 * mm, 'bold', '#ffffff');
  await sheet.text('RIJBEWIJS', 24 * mm, 2.2 * mm, 3.4 * mm, 'bold', '#6a2040');
  await sheet.text('KONINKRIJK DER NEDERLANDEN', 24 * mm, 6.6 * mm, 1.8 * mm, 'sans', '#6a2040');
  const { photo, ghost } = sheet.portraits(mm, seed, {
    photo: mmBox(mm, 3, 13, 24, 31),
    ...(opts.ghost ? { ghost: mmBox(mm, 68, 33, 12, 15) } : {}),
    ghostOpacity: 0.35,
  });

  // "1." small and grey, then the value on the same line.
  // A value printed beside another starts clear of it however wide the typeface sets the first.
  const beside = (box: Box, x: number) => Math.max(x * mm, box.x + box.width + 0.5 * mm);
  const line = async (n: string, value: string, x: number, y: number, after?: Box) => {
    const at = sheet.style.place(x, y);
    if (after) at.x = beside(after, at.x) / mm;
    await labelText(sheet, n, at.x * mm, (at.y + 0.5) * mm, 1.9 * mm, '#5a3a4a');
    return valueText(sheet, value, (at.x + (n.length > 2 ? 4.6 : 3.4)) * mm, at.y * mm, 2.5 * mm);
  };
  const surname = await line('1.', holder.surname.toUpperCase(), 30, 10.5);
  const given = await line('2.', holder.given, 30, 14.8);
  const birth = await line('3.', dotted(holder.birth), 30, 19.1);
  await valueText(sheet, holder.placeOfBirth, beside(birth, 50), birth.y, 2.5 * mm);
  const issue = await line('4a.', dotted(holder.issue), 30, 23.4);
  await line('4c.', `Burg. ${holder.placeOfBirth}`, 52, 23.4, issue);
  const expiry = await line('4b.', dotted(holder.expiry), 30, 27.7);
  const bsn = await line('4d.', holder.bsn, 30, 32);
  const number = await line('5.', opts.licenceNumber, 30, 36.3);
  await line('9.', 'AM/B', 30, 44);

  const secrets: TruthRegion[] = [
    { kind: 'photo', box: photo },
    { kind: 'document_number', box: number },
    { kind: 'personal_number', box: bsn },
  ];
  if (ghost) secrets.push({ kind: 'ghost_photo', box: ghost });
  return finishSide(sheet, '#f6eaee', {
    secrets,
    keep: keepFields({ surname, given, birth, expiry }),
  });
}
