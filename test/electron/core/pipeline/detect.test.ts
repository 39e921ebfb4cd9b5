import { afterAll, describe, expect, it } from 'vitest';
import { detectSide } from '../../../../electron/core/pipeline/detect.ts';
import { closeEngines, createEngines } from '../../../../electron/core/pipeline/engines.ts';
import { loadImage } from '../../../../electron/core/pipeline/load.ts';
import { passportPage } from '../../../synth/documents.ts';
import { randomHolder } from '../../../synth/holder.ts';
import { createRng } from '../../../synth/prng.ts';
import { renderVariant } from '../../../synth/variants.ts';

const engines = createEngines();
afterAll(() => closeEngines(engines));

describe('detecting one side', () => {
  it('runs the number finders once, on the view it keeps, for a passport lying sideways', async () => {
    const rng = createRng(15);
    const page = await passportPage(randomHolder(rng), { mm: 9, seed: 15, country: 'NLD' });
    const file = await renderVariant(page, 'sideways', rng, 'nl-passport');
    const started: string[] = [];
    const det = await detectSide(await loadImage(file.bytes), engines, (stage, phase) => {
      if (phase === 'start') started.push(stage);
    });
    // Looked at upright first, then turned: two page reads, one set of further finders.
    expect(det.turn).toBeDefined();
    expect(started.filter((s) => s === 'text').length).toBeGreaterThanOrEqual(2);
    expect(started.filter((s) => s === 'perforation')).toEqual(['perforation']);
    expect(det.findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['mrz', 'photo', 'document_number']),
    );
  });
});
