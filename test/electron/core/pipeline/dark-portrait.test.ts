import { afterAll, describe, expect, it } from 'vitest';
import { closeEngines, createEngines } from '../../../../electron/core/pipeline/engines.ts';
import { redactDocument } from '../../../../electron/core/pipeline/index.ts';
import { loadImage } from '../../../../electron/core/pipeline/load.ts';
import { photograph } from '../../../synth/capture.ts';
import { blackCoverage, RECALL_THRESHOLD } from '../../../synth/evaluate.ts';
import type { Holder } from '../../../synth/holder.ts';
import { createRng } from '../../../synth/prng.ts';
import { drawSide } from '../../../synth/realistic.ts';
import { corners } from '../../../synth/variants.ts';

const engines = createEngines();
afterAll(() => closeEngines(engines));

/**
 * A Dutch driving licence photographed on a table, tilted 11° in perspective, a warm light and a
 * shadow across it, its dark-skinned holder's portrait in the shadow: the 56th document of tuning
 * seed 15, drawn here on its own with that document's own figures (rounded, the portrait was
 * found: how sure the model is of this face turns on the light's last details).
 */
async function shadowedLicence() {
  const holder: Holder = {
    surname: 'Brouwer',
    given: 'Emma Johanna',
    sex: 'F',
    birth: { y: 1967, m: 1, d: 11 },
    issue: { y: 2024, m: 7, d: 22 },
    expiry: { y: 2034, m: 5, d: 20 },
    placeOfBirth: 'Leiden',
    bsn: '410959017',
    documentNumber: 'FLYEGBBP2',
  };
  const rng = createRng(15 * 7919 + 55);
  rng.next();
  rng.next();
  const { side } = await drawSide('nl-licence-front', holder, 10, 70, rng);
  const shot = await photograph(
    side.png,
    {
      angle: 11.056488510221243,
      perspective: 0.060201016450300814,
      surface: 'wood',
      glare: true,
      blur: 0,
      noise: 0,
      quality: 61,
      sideLean: -0.07867248477414251,
      light: {
        cast: [1.02, 0.9, 0.7],
        shadow: {
          through: { x: 0.3698272968642414, y: 0.5510921372100711 },
          angle: 177.0981431286782,
          depth: 0.5132808914873749,
        },
      },
    },
    createRng(1),
  );
  const photo = side.secrets.map(corners).find((s) => s.kind === 'photo')!;
  return { bytes: shot.bytes, photo: photo.polygon.map(shot.map) };
}

describe('a portrait the face model is unsure of on the whole page', () => {
  const licence = shadowedLicence();

  it('is blacked out', async () => {
    const { bytes, photo } = await licence;
    // What hid it: looking at the whole photo, the model is sure of no face.
    const faces = await engines.faces.detect(await loadImage(bytes));
    expect(faces.every((f) => f.score < 0.35)).toBe(true);
    const settings = { detect: true, keep: [], lang: 'nl' as const, watermark: null };
    const result = await redactDocument({ sides: [bytes], settings, engines });
    expect(blackCoverage(result.sides[0]!.image, photo)).toBeGreaterThanOrEqual(RECALL_THRESHOLD);
  });
});
