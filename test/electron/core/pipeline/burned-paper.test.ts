import { describe, expect, it } from 'vitest';
import { boxToRect, rectCorners, type Box, type Point } from '../../../../shared/regions.ts';
import { burnedAsPaper } from '../../../../electron/core/pipeline/burned-paper.ts';
import { fillPolygon } from '../../../../electron/core/pipeline/burn.ts';
import type { RawImage } from '../../../../electron/core/pipeline/raw-image.ts';
import { maxInBox, pixelAt } from '../../../helpers/images.ts';

/** A grey card (200) with a black burn at (40, 40, 80 × 20) and a stroke of print beside it. */
function card(): RawImage {
  const img: RawImage = {
    data: Buffer.alloc(300 * 120 * 3, 200),
    width: 300,
    height: 120,
    dpi: null,
  };
  fillPolygon(img, corners({ x: 40, y: 40, width: 80, height: 20 }));
  fillPolygon(img, corners({ x: 140, y: 44, width: 40, height: 4 }));
  return img;
}

const corners = (b: Box): Point[] => rectCorners(boxToRect(b));
const grown = (b: Box, by: number): Point[] =>
  corners({ x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by });

describe('a copy with its burns painted as paper', () => {
  const burn = { x: 42, y: 42, width: 76, height: 16 };
  const region = { inner: corners(burn), cover: grown(burn, 2), around: grown(burn, 6) };

  it('paints a burned-through region in the grey around it, and leaves the print beside it', () => {
    const out = burnedAsPaper(card(), [region]);
    expect(pixelAt(out, 80, 50)).toEqual([200, 200, 200]);
    expect(maxInBox(out, { x: 40, y: 40, width: 80, height: 20 })).toBe(200);
    expect(pixelAt(out, 160, 46)).toEqual([0, 0, 0]);
  });

  it('takes no other burn beside it for the paper', () => {
    const img = card();
    // A second burn right against the first one's right side, as a number beside a portrait.
    fillPolygon(img, corners({ x: 120, y: 30, width: 60, height: 60 }));
    const out = burnedAsPaper(img, [region]);
    expect(pixelAt(out, 80, 50)).toEqual([200, 200, 200]);
  });

  it('leaves a region the burn did not cover through as it is, and the input untouched', () => {
    const img = card();
    const half = { x: 100, y: 30, width: 80, height: 30 };
    const out = burnedAsPaper(img, [
      { inner: corners(half), cover: grown(half, 2), around: grown(half, 6) },
    ]);
    expect(out.data.equals(img.data)).toBe(true);
    const before = Buffer.from(img.data);
    burnedAsPaper(img, [region]);
    expect(img.data.equals(before)).toBe(true);
  });
});
