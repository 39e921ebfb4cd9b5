import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeEngines, createEngines } from '../../../../../electron/core/pipeline/engines.ts';
import { redactDocument } from '../../../../../electron/core/pipeline/index.ts';
import { loadPages } from '../../../../../electron/core/pipeline/load.ts';
import { expectSafeCopy } from '../../../../helpers/expect-safe-copy.ts';
import { encodeHeic, heifEncAvailable, withRotation } from '../../../../helpers/heic.ts';
import { decodeRaw, meanAbsDiff, testPicture } from '../../../../helpers/images.ts';
import { passportPage } from '../../../../synth/documents.ts';
import { randomHolder } from '../../../../synth/holder.ts';
import { createRng } from '../../../../synth/prng.ts';
import { renderVariant } from '../../../../synth/variants.ts';

// CI installs heif-enc (.ci/run); elsewhere these tests say why they did not run.
const encoder = heifEncAvailable();
if (!encoder && process.env.CI) throw new Error('heif-enc (libheif-examples) is required in CI');
const engines = createEngines();
afterAll(() => closeEngines(engines));

describe.runIf(encoder)('iPhone HEIC photos as input', () => {
  it('decodes HEVC-coded HEIC, turned as the phone stored it, and redacts it', async () => {
    const rng = createRng(61);
    const page = await passportPage(randomHolder(rng), { mm: 9, seed: 61, country: 'NLD' });
    const truth = await renderVariant(page, 'clean', rng, 'heic');
    // Portrait shot: pixels coded a quarter turn clockwise, irot says turn back (1 × 90° ccw).
    const coded = await sharp(truth.bytes).rotate(90).png().toBuffer();
    const heic = withRotation(encodeHeic(coded, 90), 1);
    const result = await redactDocument({
      sides: [heic],
      settings: { detect: true, keep: [], lang: 'nl', watermark: null },
      engines,
    });
    const input = await decodeRaw(truth.bytes);
    const output = result.sides[0]!.image;
    expect([output.width, output.height]).toEqual([input.width, input.height]);
    expectSafeCopy(input, output, truth);
  });

  it.each([1, 2, 3] as const)('applies irot %i (quarter turns anticlockwise)', async (turns) => {
    const picture = await testPicture(240, 160);
    const [img] = await loadPages(withRotation(encodeHeic(picture), turns));
    const expected = await decodeRaw(
      await sharp(picture)
        .rotate(-90 * turns)
        .png()
        .toBuffer(),
    );
    expect([img!.width, img!.height]).toEqual([expected.width, expected.height]);
    expect(meanAbsDiff(img!, expected)).toBeLessThan(12);
  });

  it('turns a truncated HEIC into CORRUPT_FILE', async () => {
    const heic = encodeHeic(await testPicture(240, 160));
    await expect(loadPages(heic.subarray(0, Math.floor(heic.length / 2)))).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
    });
  });
});
