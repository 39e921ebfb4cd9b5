import { afterAll, describe, expect, it } from 'vitest';
import { closeEngines, createEngines } from '../../../../electron/core/pipeline/engines.ts';
import { redactDocument } from '../../../../electron/core/pipeline/index.ts';
import { loadImage } from '../../../../electron/core/pipeline/load.ts';
import { randomBeIdCard } from '../../../synth/be-eid.ts';
import { idCard, passportPage } from '../../../synth/documents.ts';
import { drivingLicenceFront, randomLicenceNumber } from '../../../synth/driving-licence.ts';
import { paintOver, washOut } from '../../../synth/draw.ts';
import { blackCoverage, RECALL_THRESHOLD } from '../../../synth/evaluate.ts';
import {
  boxArea,
  boxToRect,
  intersectBoxes,
  rectCorners,
  type Box,
} from '../../../../shared/regions.ts';
import { randomHolder } from '../../../synth/holder.ts';
import { createRng } from '../../../synth/prng.ts';
import { expectSafeCopy } from '../../../helpers/expect-safe-copy.ts';
import { renderVariant, type VariantFile, type VariantKind } from '../../../synth/variants.ts';

const engines = createEngines();
afterAll(() => closeEngines(engines));
const settings = { detect: true, keep: [], lang: 'nl' as const, watermark: null };

const corners = (b: Box) => rectCorners(boxToRect(b));

async function check(file: VariantFile) {
  const result = await redactDocument({ sides: [file.bytes], settings, engines });
  const input = await loadImage(file.bytes);
  expectSafeCopy(input, result.sides[0]!.image, file);
  return result;
}

describe('automatic detection on synthetic documents', () => {
  it.each<[string, VariantKind, number]>([
    ['clean render', 'clean', 11],
    ['A4 scan', 'scan', 12],
    ['EXIF-rotated camera file', 'exif', 13],
    ['upside down without EXIF', 'upside-down', 14],
    ['sideways without EXIF', 'sideways', 15],
  ])(
    'Dutch passport, %s: photo, ghost, MRZ, document number and BSN black; name and dates readable',
    async (_, kind, seed) => {
      const rng = createRng(seed);
      const page = await passportPage(randomHolder(rng), { mm: 9, seed, country: 'NLD' });
      const result = await check(await renderVariant(page, kind, rng, 'nl-passport'));
      expect(result.document).toMatchObject({ kind: 'passport', issuingState: 'NLD' });
      expect(result.selfCheck?.ok).toBe(true);
    },
  );

  it('foreign passport: no BSN expected, no warning', async () => {
    const rng = createRng(21);
    const page = await passportPage(randomHolder(rng), { mm: 9, seed: 21, country: 'UTO' });
    const result = await check(await renderVariant(page, 'clean', rng, 'uto'));
    expect(result.warnings.filter((w) => w.code === 'missing')).toEqual([]);
  });

  it('back of a Dutch ID card lying upside down: the MRZ says which way is up', async () => {
    const rng = createRng(32);
    const [, back] = await idCard(randomHolder(rng), { mm: 12, seed: 32 });
    await check(await renderVariant(back!, 'upside-down', rng, 'id-back-turned'));
  });

  it('Dutch ID card front and back: QR code, BSN and MRZ on the back, photo on the front', async () => {
    const rng = createRng(31);
    const [front, back] = await idCard(randomHolder(rng), { mm: 12, seed: 31 });
    await check(await renderVariant(front!, 'clean', rng, 'id-front'));
    await check(await renderVariant(back!, 'clean', rng, 'id-back'));
  });

  it('blacks out a Dutch passport BSN it cannot read where the layout prints it, and says so', async () => {
    const rng = createRng(41);
    const holder = randomHolder(rng);
    const page = await passportPage(holder, { mm: 9, seed: 41, country: 'NLD' });
    // Paint over the printed BSN and its label before detection: the MRZ still says it is Dutch.
    const bsn = page.secrets.find((s) => s.kind === 'personal_number')!.box;
    const hidden = await paintOver(page.png, bsn, '#f4eef2');
    const result = await redactDocument({ sides: [hidden], settings, engines });
    const placed = result.warnings.find((w) => w.code === 'placed');
    expect(placed).toMatchObject({ code: 'placed', kind: 'personal_number', side: 0 });
    // The spot it points at is where the BSN was printed.
    const spot = placed && 'spot' in placed ? placed.spot : null;
    expect(boxArea(intersectBoxes(spot!, bsn))).toBeGreaterThanOrEqual(0.98 * boxArea(bsn));
    expect(result.warnings.some((w) => w.code === 'missing')).toBe(false);
  });

  it('an identified passport whose number OCR missed still gets it blacked out', async () => {
    const rng = createRng(43);
    const page = await passportPage(randomHolder(rng), { mm: 9, seed: 43, country: 'NLD' });
    // Glare washes out the number field: faint to OCR, still there for a reader of the copy.
    const field = page.secrets.find((s) => s.kind === 'document_number')!.box;
    const glared = await washOut(page.png, field, 0.85);
    const result = await redactDocument({ sides: [glared], settings, engines });
    const out = result.sides[0]!.image;
    expect(blackCoverage(out, corners(field))).toBeGreaterThanOrEqual(RECALL_THRESHOLD);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'placed', kind: 'document_number', side: 0 }),
    );
  });

  it('Dutch driving licence front: photo, licence number (field 5) and BSN (4d) black', async () => {
    const rng = createRng(51);
    const holder = randomHolder(rng);
    const side = await drivingLicenceFront(holder, {
      mm: 12,
      seed: 51,
      licenceNumber: randomLicenceNumber(rng),
      ghost: true,
    });
    for (const kind of ['clean', 'scan'] as const) {
      const result = await check(await renderVariant(side, kind, rng, `licence-${kind}`));
      expect(result.document).toMatchObject({ kind: 'driving_licence' });
      expect(result.warnings.filter((w) => w.code === 'missing')).toEqual([]);
    }
  });

  it('Belgian eID: card number and national number on the front, MRZ and number on the back', async () => {
    const rng = createRng(52);
    const holder = randomHolder(rng);
    const [front, back] = await randomBeIdCard(holder, rng, { mm: 12, seed: 52 });
    await check(await renderVariant(front, 'clean', rng, 'be-front'));
    const result = await check(await renderVariant(back, 'clean', rng, 'be-back'));
    expect(result.document).toMatchObject({ kind: 'id_card', issuingState: 'BEL' });
  });
});
