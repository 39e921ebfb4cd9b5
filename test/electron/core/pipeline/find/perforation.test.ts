import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findPerforatedStrips } from '../../../../../electron/core/pipeline/find/perforation.ts';
import type { Gray } from '../../../../../electron/core/pipeline/vision/gray.ts';
import { fixtureBytes, fixturesAvailable } from '../../../../helpers/fixtures.ts';
import { perforate, Sheet } from '../../../../synth/draw.ts';

async function realGray(file: string): Promise<Gray> {
  const { data, info } = await sharp(fixtureBytes(file))
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

async function grayOf(sheet: Sheet, turn = 0): Promise<Gray> {
  const { data, info } = await sharp(await sheet.render('#f4f1ee'))
    .rotate(turn, { background: '#f4f1ee' })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

describe('perforated number', () => {
  it('finds the strip of holes, square or tilted, where the number is', async () => {
    for (const turn of [0, 14]) {
      // A passport page at 10 px/mm, its number perforated down the right edge.
      const sheet = new Sheet(1250, 880);
      const holes = await perforate(sheet, 'NVTA5K714', 1205, 60, 32);
      const strips = findPerforatedStrips(await grayOf(sheet, turn));
      expect(strips, `turned ${turn}°`).toHaveLength(1);
      if (turn === 0) {
        const s = strips[0]!;
        expect(s.x).toBeLessThanOrEqual(holes.x + 4);
        expect(s.y).toBeLessThanOrEqual(holes.y + 4);
        expect(s.x + s.width).toBeGreaterThanOrEqual(holes.x + holes.width - 8);
        expect(s.y + s.height).toBeGreaterThanOrEqual(holes.y + holes.height - 8);
      }
    }
  });

  it('takes no line of print for holes, however small the print', async () => {
    const sheet = new Sheet(900, 400);
    for (const [i, px] of [9, 11, 14, 18].entries())
      await sheet.text('Geboorteplaats / Place of birth  o o o e e a', 20, 30 + i * 80, px);
    await sheet.text('..........................................', 20, 350, 12);
    expect(findPerforatedStrips(await grayOf(sheet))).toEqual([]);
  });

  it.skipIf(!fixturesAvailable())(
    'on real specimens: finds the UK passport’s perforated number, takes no small MRZ for one',
    async () => {
      const uk = await realGray('fastmrz__passport_uk.jpg');
      // The number is perforated down the right edge of the upper page (x 541–593, y 73–332).
      expect(findPerforatedStrips(uk)).toEqual([
        expect.objectContaining({ x: expect.closeTo(541, -1), y: expect.closeTo(73, -1) }),
      ]);
      // A 353 × 435 card: its MRZ letters are round blobs of a hole's spacing, but far too big.
      expect(findPerforatedStrips(await realGray('arg0s-mrz__id_cards_Lithuania.png'))).toEqual([]);
    },
  );
});
