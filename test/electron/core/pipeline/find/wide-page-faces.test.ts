import { describe, expect, it } from 'vitest';
import type { FaceBox, FaceDetector } from '../../../../../electron/core/pipeline/find/faces.ts';
import { withWidePageFaces } from '../../../../../electron/core/pipeline/find/wide-page-faces.ts';
import type { RawImage } from '../../../../../electron/core/pipeline/raw-image.ts';
import { pageWithRedSquare, redSquare } from '../../../../helpers/red-square.ts';

/** A card's front and back side by side, as the arg0s specimens are scanned (702 × 220). */
const WIDE = { width: 700, height: 220 };
const FACE = { x: 40, y: 90, width: 70, height: 70 };

const page = pageWithRedSquare;

/** The face model as it behaves: a face is seen whole in an image a few times its size only. */
function model(score = 0.9, seenIn = 4) {
  const calls: { width: number; height: number }[] = [];
  const detector = {
    detect: async (img: RawImage): Promise<FaceBox[]> => {
      calls.push({ width: img.width, height: img.height });
      const red = redSquare(img);
      const whole = red && red.width === FACE.width && red.height === FACE.height;
      return whole && Math.max(img.width, img.height) <= seenIn * FACE.width
        ? [{ box: red, score }]
        : [];
    },
  } as unknown as FaceDetector;
  return { detector, calls };
}

describe('withWidePageFaces', () => {
  it('finds the portrait square by square on a front and back side by side', async () => {
    const { detector, calls } = model();
    const unsure = { box: { x: 30, y: 0, width: 110, height: 110 }, score: 0.27 };
    expect(await withWidePageFaces(page(WIDE, FACE), [unsure], detector)).toEqual([
      { box: FACE, score: 0.9 },
    ]);
    // Squares as high as the page, a handful of them.
    expect(calls.every((c) => c.width === WIDE.height && c.height === WIDE.height)).toBe(true);
    expect(calls.length).toBeLessThanOrEqual(6);
  });

  it('looks down a page of sides stacked one over the other', async () => {
    const { detector } = model();
    const face = { ...FACE, x: 90, y: 500 };
    const tall = page({ width: 220, height: 700 }, face);
    expect(await withWidePageFaces(tall, [], detector)).toEqual([
      { box: { ...FACE, x: 90, y: 500 }, score: 0.9 },
    ]);
  });

  it('takes no unsure face from a square: more looks, more false faces', async () => {
    const { detector } = model(0.3);
    expect(await withWidePageFaces(page(WIDE, FACE), [], detector)).toEqual([]);
  });

  it('does not look again on a page of one side', async () => {
    const { detector, calls } = model();
    const card = page({ width: 350, height: 220 }, FACE);
    expect(await withWidePageFaces(card, [], detector)).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('does not look again when the page-wide look was sure of a face', async () => {
    const { detector, calls } = model();
    const sure = { box: FACE, score: 0.8 };
    expect(await withWidePageFaces(page(WIDE, FACE), [sure], detector)).toEqual([sure]);
    expect(calls).toEqual([]);
  });
});
