import { describe, expect, it } from 'vitest';
import type { FaceBox, FaceDetector } from '../../../../../electron/core/pipeline/find/faces.ts';
import type { PhotoFinding } from '../../../../../electron/core/pipeline/find/photo.ts';
import { withTemplateGhostFaces } from '../../../../../electron/core/pipeline/find/template-ghost-face.ts';
import type { RawImage } from '../../../../../electron/core/pipeline/raw-image.ts';
import { boxArea, intersectBoxes, type Box } from '../../../../../shared/regions.ts';
import { oneWordLine } from '../../../../helpers/ocr-lines.ts';
import { pageWithRedSquare, redSquare } from '../../../../helpers/red-square.ts';

const PAGE = { width: 860, height: 540 };
const portrait: PhotoFinding = {
  kind: 'photo',
  box: { x: 40, y: 40, width: 200, height: 260 },
  face: { x: 80, y: 90, width: 120, height: 120 },
  confidence: 0.9,
  via: 'face',
};
// The template's match, below and left of the ghost's face (seed 101 be-id-front-24-exif-phone).
const match: PhotoFinding = {
  kind: 'ghost_photo',
  box: { x: 600, y: 330, width: 90, height: 110 },
  face: { x: 600, y: 330, width: 90, height: 110 },
  confidence: 0.65,
  via: 'template',
};
const FACE = { x: 650, y: 300, width: 40, height: 40 };

/** The face model seeing the red square as a face it scores `score`. */
function model(score: number): FaceDetector {
  return {
    detect: async (img: RawImage): Promise<FaceBox[]> => {
      const red = redSquare(img);
      return red ? [{ box: red, score }] : [];
    },
  } as unknown as FaceDetector;
}
const ghostOf = (photos: PhotoFinding[]) => photos.find((p) => p.kind === 'ghost_photo')!.box;
const covers = (a: Box, b: Box) => boxArea(intersectBoxes(a, b)) === boxArea(b);

describe('a ghost found as a copy of the portrait', () => {
  it("grows over the ghost's face the model sees beside the match, frame and all", async () => {
    const img = pageWithRedSquare(PAGE, FACE);
    const ghost = ghostOf(await withTemplateGhostFaces(img, [portrait, match], [], model(0.24)));
    expect(covers(ghost, match.box)).toBe(true);
    expect(covers(ghost, FACE)).toBe(true);
    // Hair above the face.
    expect(ghost.y).toBeLessThan(FACE.y - FACE.height / 2);
  });

  it('stays as matched where the model sees no face, or print across the frame', async () => {
    const img = pageWithRedSquare(PAGE, FACE);
    expect(ghostOf(await withTemplateGhostFaces(img, [portrait, match], [], model(0.1)))).toEqual(
      match.box,
    );
    // A "face" beside a field's value: the frame it adds would black out one word read surely
    // (seed 101 be-id-front-19-phone: the nationality "BEL", a third of it).
    const print = [oneWordLine('BEL', { x: 640, y: 330, width: 30, height: 14 })];
    expect(
      ghostOf(await withTemplateGhostFaces(img, [portrait, match], print, model(0.6))),
    ).toEqual(match.box);
  });

  it('leaves a ghost the face model found as it is', async () => {
    const img = pageWithRedSquare(PAGE, FACE);
    const byFace = { ...match, via: 'face' as const };
    expect(ghostOf(await withTemplateGhostFaces(img, [portrait, byFace], [], model(0.9)))).toEqual(
      byFace.box,
    );
  });
});
