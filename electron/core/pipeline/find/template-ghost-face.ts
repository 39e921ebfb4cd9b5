import { centreIn, growAlongAcross, unionBoxes } from '../../../../shared/regions.ts';
import type { OcrLine } from '../ocr/text.ts';
import type { RawImage } from '../raw-image.ts';
import { cleanPrintAcross, cleanWordsAcross } from './clean-print.ts';
import { closerSquare, facesIn, type FaceDetector } from './faces.ts';
import { ghostSized } from './ghost-faces.ts';
import type { PhotoFinding } from './photo.ts';
import { ghostFrame } from './portrait-border.ts';

/**
 * A ghost-sized face the model scores this beside a copy of the portrait is the ghost's: the copy
 * already tells a ghost is there, the face only where (0.24 to 0.35 on one that was missed, as
 * the square around it fell).
 */
const SEEN = 0.2;

/**
 * Ghost images found as copies of the portrait, each looked at by the face model: the template's
 * best match can sit off the ghost by half its size (on a Belgian eID in a shadow, below and left
 * of it: a black over the match alone left four fifths of the ghost readable, with no warning).
 * A ghost-sized face the model sees closer around the match is the ghost's own: the black grows
 * over its frame too, where that crosses no word read surely.
 */
export async function withTemplateGhostFaces(
  img: RawImage,
  photos: readonly PhotoFinding[],
  lines: readonly OcrLine[],
  detector: FaceDetector,
): Promise<PhotoFinding[]> {
  const main = photos.find((p) => p.kind === 'photo');
  if (!main) return [...photos];
  const out: PhotoFinding[] = [];
  for (const p of photos) {
    if (p.kind !== 'ghost_photo' || p.via !== 'template') {
      out.push(p);
      continue;
    }
    // The ghost's own face: smaller than the copy's frame, its centre inside it or by half of
    // it, and with not one word read surely across the frame it adds (the real ghost's face
    // beside a match on a Belgian eID's nationality grew the black over a third of "BEL").
    const frames = (await facesIn(img, closerSquare(img, p.box), detector))
      .filter(
        (f) =>
          f.score >= SEEN &&
          ghostSized(f, main.face) &&
          f.box.width <= p.box.width &&
          centreIn(f.box, growAlongAcross(p.box, p.box.width / 2, p.box.width / 2)),
      )
      .sort((a, b) => b.score - a.score)
      .map((f) => unionBoxes([p.box, ghostFrame(f.box, img.width, img.height)]))
      .filter((frame) => !cleanWordsAcross(frame, lines, 1) && !cleanPrintAcross(frame, lines, 1));
    out.push(frames[0] ? { ...p, box: frames[0] } : p);
  }
  return out;
}
