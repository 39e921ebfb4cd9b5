import { describe, expect, it } from 'vitest';
import {
  facesOffBarcodes,
  findBarcodes,
} from '../../../../../electron/core/pipeline/find/barcodes.ts';
import { loadImage } from '../../../../../electron/core/pipeline/load.ts';
import { overlapRatio } from '../../../../../shared/regions.ts';
import { idCard } from '../../../../synth/documents.ts';
import { randomHolder } from '../../../../synth/holder.ts';
import { createRng } from '../../../../synth/prng.ts';
import { testPicture } from '../../../../helpers/images.ts';

describe('barcode finder', () => {
  it('finds the QR code on the back of a 2021 Dutch ID card and covers all of it', async () => {
    const [, back] = await idCard(randomHolder(createRng(5)), { mm: 11, seed: 5 });
    const found = await findBarcodes(await loadImage(back!.png));
    const truth = back!.secrets.find((s) => s.kind === 'barcode')!.box;
    expect(found).toHaveLength(1);
    expect(overlapRatio(found[0]!.box, truth)).toBeGreaterThan(0.99);
    expect(found[0]!.box.width).toBeLessThan(truth.width * 1.4);
  });

  it('finds nothing on a picture without codes', async () => {
    expect(await findBarcodes(await loadImage(await testPicture(400, 300)))).toEqual([]);
  });
});

describe('faces on a barcode', () => {
  it("are the code's modules, not a portrait; faces beside it stay", () => {
    const qr = { kind: 'barcode' as const, box: { x: 1041, y: 226, width: 241, height: 236 } };
    const barcodes = [{ ...qr, confidence: 0.95, via: 'barcode' }];
    // What the face model made of a Dutch ID card back's QR code, and a portrait elsewhere.
    const onCode = { box: { x: 1046, y: 221, width: 141, height: 161 }, score: 0.36 };
    const portrait = { box: { x: 100, y: 200, width: 200, height: 240 }, score: 0.9 };
    expect(facesOffBarcodes([onCode, portrait], barcodes)).toEqual([portrait]);
    expect(facesOffBarcodes([onCode, portrait], [])).toEqual([onCode, portrait]);
  });
});
