import { holdsTwoSides } from '../../../../shared/documents/identify.ts';
import { overlapRatio } from '../../../../shared/regions.ts';
import type { RawImage } from '../raw-image.ts';
import { tileStarts } from '../vision/tiles.ts';
import { bestLooks, facesIn, type FaceBox, type FaceDetector } from './faces.ts';
import { mainFace } from './photo.ts';

/** The score a face seen in a square needs: more looks, more chances of a false one. */
const SQUARE_SCORE = 0.5;

/**
 * The page's faces, with a portrait the page-wide look missed on a wide page looked for square by
 * square. The model sees the whole page at 256 px: on a card's front and back scanned side by
 * side (a Serbian identity card, 702 × 220) the portrait's face was a few dozen pixels there and
 * not found (the model's best guesses, 0.27–0.28, lay elsewhere), and the portrait was left
 * readable with no warning (the MRZ told a card's back). In squares as high as the page, one
 * card at a time, the same face scores 0.96. Only when no face is sure and the page holds two
 * sides: on any other page each square would cost a face detection for nothing.
 */
export async function withWidePageFaces(
  img: RawImage,
  faces: readonly FaceBox[],
  detector: FaceDetector,
): Promise<FaceBox[]> {
  if (mainFace(faces) || !holdsTwoSides(img.width, img.height)) return [...faces];
  const side = Math.min(img.width, img.height);
  const long = Math.max(img.width, img.height);
  const found: FaceBox[] = [];
  for (const start of tileStarts(long, side)) {
    const square =
      img.width >= img.height
        ? { x: start, y: 0, width: side, height: side }
        : { x: 0, y: start, width: side, height: side };
    found.push(...(await facesIn(img, square, detector)).filter((f) => f.score >= SQUARE_SCORE));
  }
  // One face per portrait: its best look, in place of the page-wide look's unsure ones there.
  const kept = bestLooks(found);
  return [...faces.filter((f) => !kept.some((k) => overlapRatio(k.box, f.box) > 0)), ...kept];
}
