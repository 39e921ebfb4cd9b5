import { idCard, passportPage, type SyntheticSide } from './documents.ts';
import { randomHolder } from './holder.ts';
import { createRng } from './prng.ts';
import { renderVariant, type VariantFile, type VariantKind } from './variants.ts';

/**
 * A reproducible set of synthetic documents: Dutch and foreign passports, Dutch ID cards (front
 * and back), each as clean render, A4 scan, phone photo, EXIF-rotated file, small scan, or
 * turned upside down or sideways without any EXIF tag.
 */
export async function syntheticCorpus(count: number, seed = 1): Promise<VariantFile[]> {
  const rng = createRng(seed);
  const kinds: VariantKind[] = [
    'clean',
    'scan',
    'photo',
    'exif',
    'small',
    'upside-down',
    'sideways',
  ];
  const files: VariantFile[] = [];
  for (let i = 0; files.length < count; i++) {
    const holder = randomHolder(rng);
    const mm = rng.pick([7, 8, 10, 12]);
    const docType = i % 3;
    let sides: SyntheticSide[];
    if (docType === 0) sides = [await passportPage(holder, { mm, seed: i, country: 'NLD' })];
    else if (docType === 1) sides = [await passportPage(holder, { mm, seed: i, country: 'UTO' })];
    else sides = await idCard(holder, { mm: mm * 1.4, seed: i });
    for (const [s, side] of sides.entries()) {
      if (files.length >= count) break;
      const name = `${['nl-passport', 'uto-passport', 'nl-id'][docType]}-${i}${sides.length > 1 ? (s ? '-back' : '-front') : ''}`;
      files.push(
        await renderVariant(side, kinds[(i + s) % kinds.length] as VariantKind, rng, name),
      );
    }
  }
  return files;
}
