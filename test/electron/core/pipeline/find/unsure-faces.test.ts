import { describe, expect, it } from 'vitest';
import type { FaceBox, FaceDetector } from '../../../../../electron/core/pipeline/find/faces.ts';
import {
  withCopiedPortraits,
  withUnsureFacesConfirmed,
} from '../../../../../electron/core/pipeline/find/unsure-faces.ts';
import type { RawImage } from '../../../../../electron/core/pipeline/raw-image.ts';
import type { Box } from '../../../../../shared/regions.ts';

const img: RawImage = {
  data: Buffer.alloc(1000 * 700 * 3, 200),
  width: 1000,
  height: 700,
  dpi: null,
};

/** A detector that answers each closer look (a crop) with `seen`, in the crop's pixels. */
function closerLooks(seen: (crop: RawImage) => FaceBox[]) {
  const crops: RawImage[] = [];
  const detector = {
    detect: async (crop: RawImage) => {
      crops.push(crop);
      return seen(crop);
    },
  } as unknown as FaceDetector;
  return { detector, crops };
}

const portrait: FaceBox = { box: { x: 120, y: 220, width: 180, height: 180 }, score: 0.21 };

describe('an unsure face looked at closer', () => {
  it('is the portrait when the closer look is sure of a face of its size in it', async () => {
    // The square around the face is 450 px, from (-15, 85) clipped to (0, 85).
    const { detector, crops } = closerLooks(() => [
      { box: { x: 115, y: 140, width: 185, height: 185 }, score: 0.78 },
    ]);
    const faces = await withUnsureFacesConfirmed(img, [portrait], detector);
    expect(crops).toHaveLength(1);
    expect(crops[0]!.width).toBe(450);
    expect(faces).toEqual([{ box: { x: 115, y: 225, width: 185, height: 185 }, score: 0.78 }]);
  });

  it.each([
    ['still unsure', { x: 115, y: 140, width: 185, height: 185 }, 0.4],
    ['much smaller (a face printed inside it)', { x: 180, y: 200, width: 60, height: 60 }, 0.9],
    ['beside it', { x: 330, y: 140, width: 110, height: 110 }, 0.9],
  ])('is left as it was when the closer look finds a face %s', async (_, box, score) => {
    const { detector } = closerLooks(() => [{ box, score }]);
    expect(await withUnsureFacesConfirmed(img, [portrait], detector)).toEqual([portrait]);
  });

  it('is not looked at when the page-wide look was sure of a face about as large', async () => {
    const { detector, crops } = closerLooks(() => []);
    const sure: FaceBox = { box: { x: 600, y: 200, width: 250, height: 250 }, score: 0.8 };
    await withUnsureFacesConfirmed(img, [sure, portrait], detector);
    expect(crops).toHaveLength(0);
  });

  // The closer look around the portrait is the 450 px square from (0, 85); around the ghost the
  // square of 250 px from (575, 125).
  const ghost: FaceBox = { box: { x: 650, y: 200, width: 100, height: 100 }, score: 0.28 };
  const scored = (portraitScore: number, ghostScore: number) =>
    closerLooks((crop) =>
      crop.width === 450
        ? [{ box: { x: 115, y: 140, width: 185, height: 185 }, score: portraitScore }]
        : [{ box: { x: 75, y: 75, width: 100, height: 100 }, score: ghostScore }],
    );

  it('is the portrait when only fairly sure closer, beside a smaller face sure on the page', async () => {
    const { detector, crops } = scored(0.45, 0);
    const sureGhost: FaceBox = { ...ghost, score: 0.84 };
    const faces = await withUnsureFacesConfirmed(img, [portrait, sureGhost], detector);
    expect(crops).toHaveLength(1);
    expect(faces).toEqual([
      { box: { x: 115, y: 225, width: 185, height: 185 }, score: 0.45 },
      sureGhost,
    ]);
  });

  it('is the portrait when only fairly sure closer, beside a smaller face sure closer', async () => {
    const { detector } = scored(0.45, 0.84);
    const faces = await withUnsureFacesConfirmed(img, [portrait, ghost], detector);
    expect(faces).toEqual([
      { box: { x: 115, y: 225, width: 185, height: 185 }, score: 0.45 },
      { box: { x: 650, y: 200, width: 100, height: 100 }, score: 0.84 },
    ]);
  });

  it('is left unsure when only fairly sure closer with no smaller sure face beside it', async () => {
    const { detector } = scored(0.45, 0.3);
    expect(await withUnsureFacesConfirmed(img, [portrait, ghost], detector)).toEqual([
      portrait,
      ghost,
    ]);
  });

  it('looks at no more than the two best, and none scored under 0.15', async () => {
    const { detector, crops } = closerLooks(() => []);
    const at = (x: number, score: number): FaceBox => ({
      box: { x, y: 100, width: 80, height: 80 },
      score,
    });
    await withUnsureFacesConfirmed(
      img,
      [at(0, 0.2), at(200, 0.3), at(400, 0.25), at(600, 0.1)],
      detector,
    );
    expect(crops).toHaveLength(2);
  });
});

describe('a face the model is unsure of, beside a smaller face it is sure of', () => {
  /** A drawn face: dark hair, a pale oval, dark eyes and mouth (`u`, `v` across and down, 0–1). */
  const drawnFace = (u: number, v: number) => {
    const eye = (cx: number) => (u - cx) ** 2 + (v - 0.45) ** 2 < 0.07 ** 2;
    if (eye(0.35) || eye(0.65)) return 40;
    if (v > 0.7 && v < 0.76 && u > 0.35 && u < 0.65) return 60;
    if ((u - 0.5) ** 2 / 0.16 + (v - 0.5) ** 2 / 0.2 < 1) return v < 0.25 ? 70 : 230;
    return 150;
  };
  /** The page with `pattern` painted into each box. */
  const painted = (...parts: [Box, (u: number, v: number) => number][]): RawImage => {
    const data = Buffer.alloc(1000 * 700 * 3, 200);
    for (const [b, pattern] of parts)
      for (let y = b.y; y < b.y + b.height; y++)
        for (let x = b.x; x < b.x + b.width; x++)
          data.fill(
            pattern((x - b.x) / b.width, (y - b.y) / b.height),
            (y * 1000 + x) * 3,
            (y * 1000 + x + 1) * 3,
          );
    return { data, width: 1000, height: 700, dpi: null };
  };
  const sureGhost: FaceBox = { box: { x: 650, y: 200, width: 90, height: 90 }, score: 0.84 };

  it('is the portrait when the sure face is a small copy of it (its ghost image)', async () => {
    const page = painted([portrait.box, drawnFace], [sureGhost.box, drawnFace]);
    const faces = await withCopiedPortraits(page, [portrait, sureGhost]);
    expect(faces).toEqual([{ ...portrait, score: 0.35 }, sureGhost]);
  });

  it('is left unsure when the sure face is another picture', async () => {
    const upsideDown = (u: number, v: number) => drawnFace(u, 1 - v);
    const page = painted([portrait.box, drawnFace], [sureGhost.box, upsideDown]);
    const faces = await withCopiedPortraits(page, [portrait, sureGhost]);
    expect(faces).toEqual([portrait, sureGhost]);
  });
});
