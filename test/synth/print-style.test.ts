import { describe, expect, it } from 'vitest';
import type { Box } from '../../shared/regions.ts';
import { randomHolder } from './holder.ts';
import { createRng } from './prng.ts';
import { PLAIN_PRINT, randomPrintStyle } from './print-style.ts';
import { drawSide, SIDE_KINDS } from './realistic.ts';

// The bench's varied-print holdout is only as honest as its ground truth: every field it moves
// must still be where the truth says, on the page, and clear of the fields it must not touch.

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

describe('varied print', () => {
  it('keeps every truth box on the page and the identity fields clear of the secrets', async () => {
    for (const [i, kind] of SIDE_KINDS.entries())
      for (const k of [1, 2, 3]) {
        const rng = createRng(100 * k + i);
        const style = randomPrintStyle(createRng(31 * k + i));
        const { side } = await drawSide(kind, randomHolder(rng), 9, k + i, rng, style);
        for (const t of [...side.secrets, ...side.keep]) {
          expect(t.box.x).toBeGreaterThanOrEqual(0);
          expect(t.box.y).toBeGreaterThanOrEqual(0);
          expect(t.box.x + t.box.width).toBeLessThanOrEqual(side.width);
          expect(t.box.y + t.box.height).toBeLessThanOrEqual(side.height);
        }
        for (const keep of side.keep)
          for (const secret of side.secrets)
            expect(overlap(keep.box, secret.box), `${kind} ${keep.field} / ${secret.kind}`).toBe(0);
      }
  });

  it('moves fields and portraits away from the layout, and the plain print does not', async () => {
    const draw = async (style = PLAIN_PRINT) => {
      const rng = createRng(5);
      return (await drawSide('nl-id-front', randomHolder(rng), 10, 5, rng, style)).side;
    };
    const plain = await draw();
    const again = await draw();
    const varied = await draw(randomPrintStyle(createRng(8)));
    const boxes = (side: typeof plain) => side.secrets.map((s) => s.box);
    expect(boxes(again)).toEqual(boxes(plain));
    // The layout's portrait at 3 × 11 mm, 25 × 32 mm.
    expect(boxes(plain)[0]).toEqual({ x: 30, y: 110, width: 250, height: 320 });
    for (const [j, box] of boxes(varied).entries()) expect(box).not.toEqual(boxes(plain)[j]);
  });
});
