import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { detectSide, lookInOutline } from '../../../../electron/core/pipeline/detect.ts';
import { closeEngines, createEngines } from '../../../../electron/core/pipeline/engines.ts';
import { loadImage } from '../../../../electron/core/pipeline/load.ts';
import { uprightCorners, type Quad } from '../../../../shared/homography.ts';
import { photograph } from '../../../synth/capture.ts';
import { idCard, passportPage } from '../../../synth/documents.ts';
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

  it('stops at any stage of its first look with the stop as its answer, leaving no rejection unheard', async () => {
    const rng = createRng(16);
    const page = await passportPage(randomHolder(rng), { mm: 9, seed: 16, country: 'NLD' });
    const img = await loadImage(page.png);
    const stages: string[] = [];
    await detectSide(img, engines, (stage, phase) => void stages.push(`${stage} ${phase}`));
    const unheard: unknown[] = [];
    const hear = (reason: unknown) => void unheard.push(reason);
    process.on('unhandledRejection', hear);
    try {
      // Every stage boundary up to the page text's end: the first look's finders run side by side.
      for (let at = 0; at <= stages.indexOf('text done'); at++) {
        let calls = 0;
        const stopped = detectSide(img, engines, () => {
          if (calls++ === at) throw new Error(`stopped at ${stages[at]}`);
        });
        await expect(stopped).rejects.toThrow(`stopped at ${stages[at]}`);
      }
      // Unheard rejections surface once the event loop turns; the finders still running finish.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      process.off('unhandledRejection', hear);
    }
    expect(unheard).toEqual([]);
  });
});

/** A card photographed on a wooden table, sharp and without glare. */
const onTable = (
  png: Buffer,
  angle: number,
  perspective: number,
  rng: ReturnType<typeof createRng>,
) =>
  photograph(
    png,
    { angle, perspective, surface: 'wood', glare: false, blur: 0, noise: 2, quality: 85 },
    rng,
  );

describe('looking through a document’s outline', () => {
  it('refuses an outline one side of which is another edge: the view it warps leans', async () => {
    // A card tilted 6° with a level line under it (a strip lying on the table) taken for its
    // bottom edge: warped from it, the card leaned and its MRZ lines were read as single lines
    // (seed 19 nl-id-back-114-phone, its MRZ left 95 % black).
    const rng = createRng(21);
    const [, back] = (await idCard(randomHolder(rng), { mm: 10, seed: 21 })) as [
      unknown,
      { png: Buffer },
    ];
    const shot = await onTable(back.png, -6, 0.03, rng);
    const img = await loadImage(shot.bytes);
    const meta = await sharp(back.png).metadata();
    const own = uprightCorners(meta.width ?? 0, meta.height ?? 0).map(shot.map) as unknown as Quad;
    const look = await lookInOutline(img, { quad: own, alone: true }, engines);
    expect(look?.seen.mrz?.info?.valid).toBe(true);

    const [tl, tr, br, bl] = own;
    const low = Math.max(br.y, bl.y);
    const levelBottom: Quad = [tl, tr, { x: br.x, y: low }, { x: bl.x, y: low }];
    expect(await lookInOutline(img, { quad: levelBottom, alone: true }, engines)).toBeNull();
  });

  it("refuses an outline a portrait fills: it is the portrait's frame, not the card's", async () => {
    // A card on a table of its own colour, half in a shadow (varied seed 21 be-id-front-131-phone):
    // the outline found was the portrait's frame, and the names and number beside it, outside the
    // view, stayed readable.
    const rng = createRng(22);
    const [front] = await idCard(randomHolder(rng), { mm: 10, seed: 22 });
    const shot = await onTable(front!.png, 8, 0.02, rng);
    const img = await loadImage(shot.bytes);
    const p = front!.secrets.find((s) => s.kind === 'photo')!.box;
    const corners = [
      { x: p.x, y: p.y },
      { x: p.x + p.width, y: p.y },
      { x: p.x + p.width, y: p.y + p.height },
      { x: p.x, y: p.y + p.height },
    ];
    const frame = corners.map(shot.map) as unknown as Quad;
    expect(await lookInOutline(img, { quad: frame, alone: true }, engines)).toBeNull();
    const card = uprightCorners(front!.width, front!.height).map(shot.map) as unknown as Quad;
    const look = await lookInOutline(img, { quad: card, alone: true }, engines);
    expect(look?.seen.findings.map((f) => f.kind)).toContain('photo');
  });
});
