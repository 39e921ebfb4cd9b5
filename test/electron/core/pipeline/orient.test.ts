import { describe, expect, it } from 'vitest';
import {
  quarterTurnedBack,
  rotateRaw,
  unrotateBox,
  type QuarterTurn,
} from '../../../../electron/core/pipeline/orient.ts';
import type { RawImage } from '../../../../electron/core/pipeline/raw-image.ts';
import { polygonBounds } from '../../../../shared/regions.ts';
import { quadThrough } from '../../../../shared/homography.ts';

/** 60×40 white image with one black pixel block at (10..14, 5..7). */
function marked(): RawImage {
  const img = { data: Buffer.alloc(60 * 40 * 3, 255), width: 60, height: 40, dpi: null };
  for (let y = 5; y < 8; y++)
    for (let x = 10; x < 15; x++) img.data.fill(0, (y * 60 + x) * 3, (y * 60 + x + 1) * 3);
  return img;
}

function blackBox(img: RawImage) {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if ((img.data[(y * img.width + x) * 3] ?? 255) < 128) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + 1);
        y1 = Math.max(y1, y + 1);
      }
    }
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

describe('quarter turns', () => {
  it.each([90, 180, 270] as QuarterTurn[])(
    'a box found after turning %i° maps back onto the original',
    async (angle) => {
      const img = marked();
      const turned = await rotateRaw(img, angle);
      expect(unrotateBox(blackBox(turned), angle, img.width, img.height)).toEqual({
        x: 10,
        y: 5,
        width: 5,
        height: 3,
      });
    },
  );
  it.each([90, 180, 270] as QuarterTurn[])(
    'the turned-back homography after %i° maps a box as unrotateBox does',
    async (angle) => {
      const img = marked();
      const found = blackBox(await rotateRaw(img, angle));
      const back = quarterTurnedBack(angle, img.width, img.height);
      expect(polygonBounds(quadThrough(back, found))).toEqual(
        unrotateBox(found, angle, img.width, img.height),
      );
    },
  );
});
