import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Point } from '../../shared/regions.ts';
import { twoSidedCorpus } from './two-sided.ts';

// The two-sided holdout is only as honest as its ground truth: every secret of both sides must
// lie on the file, on the card's print (not the white around it), and the two sides apart.

const centre = (ps: readonly Point[]) => ({
  x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
  y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
});

describe('the two-sided corpus', () => {
  it("puts both sides' truth on the file, on the cards, the back's MRZ apart from the portrait", async () => {
    const files = await twoSidedCorpus(8, 3);
    expect(new Set(files.map((f) => f.capture))).toEqual(new Set(['clean', 'scan']));
    expect(new Set(files.map((f) => f.name.split('-')[3]))).toEqual(new Set(['row', 'column']));
    for (const f of files) {
      const { data, info } = await sharp(f.bytes)
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      for (const t of [...f.secrets, ...f.keep]) {
        for (const p of t.polygon) {
          expect(p.x, f.name).toBeGreaterThanOrEqual(0);
          expect(p.y, f.name).toBeGreaterThanOrEqual(0);
          expect(p.x, f.name).toBeLessThanOrEqual(info.width);
          expect(p.y, f.name).toBeLessThanOrEqual(info.height);
        }
        // Print on the card, never the bare white paper around the cards.
        const xs = t.polygon.map((p) => Math.floor(p.x));
        const ys = t.polygon.map((p) => Math.floor(p.y));
        let sum = 0;
        let n = 0;
        for (let y = Math.min(...ys); y < Math.max(...ys); y++)
          for (let x = Math.min(...xs); x < Math.max(...xs); x++, n++)
            sum += data[y * info.width + x] ?? 255;
        expect(sum / n, `${f.name} ${t.kind}`).toBeLessThan(245);
      }
      const photo = f.secrets.find((s) => s.kind === 'photo');
      const mrz = f.secrets.find((s) => s.kind === 'mrz');
      expect(photo && mrz, f.name).toBeTruthy();
      const [p, m] = [centre(photo!.polygon), centre(mrz!.polygon)];
      // Front beside (row) or above (column) the back.
      if (f.name.includes('-row-'))
        expect(m.x - p.x, f.name).toBeGreaterThan((0.4 * info.width) / 2);
      else expect(m.y - p.y, f.name).toBeGreaterThan(0);
    }
  });
});
