import { centreIn, clampBox, growAlongAcross, unionBoxes } from '../../../../shared/regions.ts';
import type { OcrLine } from '../ocr/text.ts';
import type { RawImage } from '../raw-image.ts';
import { cleanPrintAcross, cleanWordsAcross } from './clean-print.ts';
import { facesIn, type FaceDetector } from './faces.ts';
import { ghostSized } from './ghost-faces.ts';
import type { PhotoFinding } from './photo.ts';
import { ghostFrame } from './portrait-border.ts';

/** The square the face model looks in, this many times the copy's longer side, on its centre. */
const AROUND = 2.5;
/**
 * A ghost-sized face the model scores this beside a copy of the portrait is the ghost's: the copy
 * already tells a ghost is there, the face only where (0.24 to 0.35 on one that was missed, as the square fell).
 */
const SEEN = 0.2;

/**
 * Ghost images found as copies of the portrait, each looked at by the face model: the template's
 * best match can sit off the ghost by half its size (on a Belgian eID in a shadow, below and left
 * of it: a black over the match alone left four fifths of the ghost readable, with no warning).
 * A ghost-sized face the model sees around the match, on no line of print, is the ghost's own:
 * the black grows over its frame too.
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
    const side = AROUND * Math.max(p.box.width, p.box.height);
    const square = clampBox(
      {
        x: p.box.x + p.box.width / 2 - side / 2,
        y: p.box.y + p.box.height / 2 - side / 2,
        width: side,
        height: side,
      },
      img.width,
      img.height,
    );
    // The ghost's own face: smaller than the copy's frame, its centre inside it or by half of
    // it, and with not one word of print across the frame it adds (a "face" on the nationality
    // "BEL" beside a false match grew a black over the date of birth; the real ghost's face
    // beside a match on the nationality, over a third of it).
    const frames = (await facesIn(img, square, detector))
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
