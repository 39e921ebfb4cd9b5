import { afterAll, describe, expect, it } from 'vitest';
import { detectSide } from '../../../../electron/core/pipeline/detect.ts';
import { closeEngines, createEngines } from '../../../../electron/core/pipeline/engines.ts';
import { loadImage } from '../../../../electron/core/pipeline/load.ts';
import { locateOnPage, plainBorder } from '../../../../electron/core/pipeline/locate.ts';
import { toGray } from '../../../../electron/core/pipeline/vision/gray.ts';
import sharp from 'sharp';
import { photograph } from '../../../synth/capture.ts';
import { randomHolder } from '../../../synth/holder.ts';
import { createRng } from '../../../synth/prng.ts';
import { drawSide, realisticCorpus } from '../../../synth/realistic.ts';

const engines = createEngines();
afterAll(() => closeEngines(engines));

describe('a card photographed on a plain dark table', () => {
  it('is found by its outline, though nothing stands out of the border alone as a scan’s card does', async () => {
    // A Belgian eID back upside down on a dark table, tilted 5°, a shadow across it and things
    // lying beside it (the 27th document of tuning seed 15): nothing at all was blacked out.
    const file = (await realisticCorpus(27, 15))[26];
    expect(file?.name).toBe('be-id-back-26-phone');
    const img = await loadImage(file?.bytes ?? Buffer.alloc(0));
    // What made it look like a scan: the table all round is one plain colour, but the shadow and
    // the things on the table keep the card from standing out of it alone.
    expect(plainBorder((await toGray(img, 800)).gray)).not.toBeNull();
    expect(await locateOnPage(img)).toBeNull();

    const det = await detectSide(img, engines);
    expect(det.turn).toBe(180);
    expect(det.findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['mrz', 'personal_number']),
    );
  });

  it('turns a card upside down by its MRZ read across the edge of a shadow', async () => {
    const rng = createRng(13);
    const { side } = await drawSide('be-id-back', randomHolder(rng), 10, 13, rng);
    const shot = await photograph(
      side.png,
      {
        angle: 6,
        perspective: 0.04,
        surface: 'dark',
        glare: false,
        blur: 0,
        noise: 4,
        quality: 80,
        // A phone held over the card: half of the MRZ in its shadow, which halves the light.
        light: {
          cast: [1, 1, 1],
          shadow: { through: { x: 0.5, y: 0.45 }, angle: 241, depth: 0.5 },
        },
      },
      rng,
    );
    const img = await loadImage(await sharp(shot.bytes).rotate(180).jpeg().toBuffer());
    const det = await detectSide(img, engines);
    expect(det.turn).toBe(180);
    expect(det.findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['mrz', 'personal_number']),
    );
  });
});
