import { describe, expect, it } from 'vitest';
import type { FaceBox, FaceDetector } from '../../../../../electron/core/pipeline/find/faces.ts';
import { ghostInSpot } from '../../../../../electron/core/pipeline/find/ghost-in-spot.ts';
import type { RawImage } from '../../../../../electron/core/pipeline/raw-image.ts';
import { boxArea, intersectBoxes } from '../../../../../shared/regions.ts';
import { pageWithRedSquare, redSquare } from '../../../../helpers/red-square.ts';

// A licence's zone for its second image, and the copy's face in it.
const PAGE = { width: 860, height: 540 };
const SPOT = { x: 616, y: 243, width: 240, height: 297 };
const FACE = { x: 690, y: 360, width: 90, height: 90 };

/**
 * The face model as it behaves on a faint copy: it scores the face `score` when the crop is at
 * most `seenIn` times the face's width, less (0.3) in a larger one, and nothing where it is cut.
 */
function model(score: number, seenIn = 3): FaceDetector {
  return {
    detect: async (img: RawImage): Promise<FaceBox[]> => {
      const red = redSquare(img);
      if (!red) return [];
      return [{ box: red, score: img.width <= seenIn * FACE.width ? score : 0.3 }];
    },
  } as unknown as FaceDetector;
}

describe('ghostInSpot', () => {
  it('blacks out a copy the model is sure of in the spot, frame and all', async () => {
    const found = await ghostInSpot(pageWithRedSquare(PAGE, FACE), SPOT, model(0.74));
    expect(found).toMatchObject({ kind: 'ghost_photo', via: 'face', confidence: 0.74 });
    // The whole face, with room for hair above and shoulders below.
    expect(boxArea(intersectBoxes(found!.box, FACE))).toBe(boxArea(FACE));
    expect(found!.box.y).toBeLessThan(FACE.y - 0.5 * FACE.height);
    expect(found!.box.y + found!.box.height).toBeGreaterThan(FACE.y + 1.5 * FACE.height);
  });

  it('looks closer in windows when the spot as a whole shows the copy too small', async () => {
    // Seen only in a crop up to twice the face's width: the spot's windows are 160 px.
    const found = await ghostInSpot(pageWithRedSquare(PAGE, FACE), SPOT, model(0.6, 2));
    expect(found?.confidence).toBe(0.6);
  });

  it("takes no face the model is unsure of, nor one cut by the spot's edge", async () => {
    expect(await ghostInSpot(pageWithRedSquare(PAGE, FACE), SPOT, model(0.45))).toBeNull();
    const cut = { x: 600, y: 360, width: 60, height: 60 };
    expect(await ghostInSpot(pageWithRedSquare(PAGE, cut), SPOT, model(0.9, 9))).toBeNull();
  });
});
