import { afterAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../../../../electron/core/pipeline/ocr/engine.ts';
import { findMrz } from '../../../../../electron/core/pipeline/find/mrz.ts';
import { loadImage } from '../../../../../electron/core/pipeline/load.ts';
import { foldConfusables, looksLike } from '../../../../../shared/numbers/ocr-confusion.ts';
import { fixtureBytes, fixturesAvailable, readManifest } from '../../../../helpers/fixtures.ts';
import { passportPage } from '../../../../synth/documents.ts';
import { randomHolder } from '../../../../synth/holder.ts';
import { createRng } from '../../../../synth/prng.ts';
import { overlapRatio } from '../../../../../shared/regions.ts';

const ocr = new OcrEngine();
afterAll(() => ocr.close());

async function read(bytes: Buffer) {
  const img = await loadImage(bytes);
  return findMrz(img, ocr);
}

describe('MRZ finder', () => {
  it('finds and reads a synthetic TD3 MRZ exactly, at several scales', async () => {
    for (const mm of [6, 9, 13]) {
      const rng = createRng(mm);
      const holder = randomHolder(rng);
      const page = await passportPage(holder, { mm, seed: mm, country: 'NLD' });
      const mrz = await read(page.png);
      const truth = page.secrets.find((s) => s.kind === 'mrz')!.box;
      expect(mrz, `mm=${mm}`).not.toBeNull();
      expect(overlapRatio(mrz!.box, truth)).toBeGreaterThan(0.95);
      expect(foldConfusables(mrz!.info?.documentNumber ?? '')).toBe(
        foldConfusables(holder.documentNumber),
      );
      expect(mrz!.info?.personalNumbers).toContain(holder.bsn);
    }
  });

  it.skipIf(!fixturesAvailable())(
    `reads the document number on most real specimens with known MRZ${fixturesAvailable() ? '' : ' (skipped: ../shared/fixtures/real is absent)'}`,
    async () => {
      const rows = readManifest().filter((r) => r.mrzTruth);
      let read_ = 0;
      for (const row of rows) {
        const truth = row.mrzTruth!;
        const doc = (truth.length === 3 ? truth[0]!.slice(5, 14) : truth[1]!.slice(0, 9)).replace(
          /</g,
          '',
        );
        const mrz = await read(fixtureBytes(row.file));
        if (mrz?.info?.documentNumber && looksLike(mrz.info.documentNumber, doc)) read_++;
      }
      // A regression guard, not a target: today's figure is in the closing note and the bench.
      expect(read_ / rows.length).toBeGreaterThanOrEqual(0.35);
    },
    300_000,
  );
});
