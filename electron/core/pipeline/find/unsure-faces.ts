import { growAlongAcross, scaleBox, type Box } from '../../../../shared/regions.ts';
import type { RawImage } from '../raw-image.ts';
import { closerLook, type FaceBox, type FaceDetector } from './faces.ts';
import { findGhostByTemplate, GHOST_MATCH, grayForPortrait } from './ghost.ts';
import { FAIRLY_SURE, GHOST_WIDTH, mainFace } from './photo.ts';

/** Faces the page-wide look scored at least this are looked at closer when none is sure. */
const UNSURE = 0.15;
/** At most this many of them, best first: each closer look costs a face detection. */
const MAX_LOOKS = 2;
/** The score the closer look must give, unless beside a smaller sure face: a sure face. */
const CONFIRMED = 0.5;

/**
 * The page's faces, an unsure one confirmed by a closer look when the page-wide look was sure of
 * none. The model sees the whole page at 256 px: a dark-skinned holder's portrait photographed in
 * a shadow scored 0.21 there, under the portrait's bar, and the face stayed readable with only a
 * warning that no portrait was found; in a square two and a half faces wide around it the same
 * face scores 0.78. A face confirmed this way takes the closer look's box and score; the others
 * stay as they were.
 *
 * A face larger than a sure one (seen sure on the page or closer) need only be as sure as a
 * portrait is taken to be (`mainFace`): the sure one is its ghost image. On a scanned passport the
 * model scored the portrait 0.31 and its ghost 0.28 on the page, and closer 0.49 and 0.84; the
 * portrait, a weak face larger than the "portrait", was dropped and stayed readable with no
 * warning.
 */
export async function withUnsureFacesConfirmed(
  img: RawImage,
  faces: readonly FaceBox[],
  detector: FaceDetector,
): Promise<FaceBox[]> {
  const main = mainFace(faces);
  const larger = (f: FaceBox, than: FaceBox) => f.box.width > GHOST_WIDTH * than.box.width;
  // Beside a sure face, only those larger than it are looked at.
  const unsure = [...faces]
    .filter((f) => f !== main && f.score >= UNSURE && (!main || larger(f, main)))
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_LOOKS);
  const looks = new Map<FaceBox, FaceBox>();
  for (const face of unsure) {
    const seen = await closerLook(img, face.box, detector, FAIRLY_SURE);
    if (seen) looks.set(face, seen);
  }
  const sure = [
    ...(main ? [main] : []),
    ...[...looks.values()].filter((f) => f.score >= CONFIRMED),
  ];
  return faces.map((face) => {
    const seen = looks.get(face);
    if (!seen) return face;
    const confirmed = seen.score >= CONFIRMED || sure.some((s) => s !== seen && larger(seen, s));
    return confirmed ? seen : face;
  });
}

/**
 * The faces, a face the model is unsure of taken for the portrait when the face it is fairly sure
 * of (the "portrait" otherwise) is a small copy of it: its ghost image. The model can miss a
 * portrait even closer while it sees its ghost there: on a clean passport scan a drawn portrait
 * scored 0.34 on the page and nothing of its size closer, its ghost 0.74 closer; the ghost was
 * taken for the portrait, a copy of it was then "found" in the portrait's hair, and the face
 * stayed readable with no warning. Runs after the ghost search, which may find the ghost first.
 */
export async function withCopiedPortraits(
  img: RawImage,
  faces: readonly FaceBox[],
): Promise<FaceBox[]> {
  const main = mainFace(faces);
  if (!main) return [...faces];
  const larger = faces
    .filter(
      (f) =>
        f.score >= UNSURE && f.score < FAIRLY_SURE && main.box.width <= GHOST_WIDTH * f.box.width,
    )
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_LOOKS);
  for (const face of larger) {
    // As sure as a portrait is taken to be: mainFace then takes it, the larger.
    if (await copiedSmaller(img, face.box, main.box))
      return faces.map((f) => (f === face ? { ...f, score: FAIRLY_SURE } : f));
  }
  return [...faces];
}

/**
 * Whether the face in `small` is a copy of the one in `large`, as a ghost image is of its
 * portrait: the larger face, shrunk, found around the smaller one as alike as a ghost is.
 */
async function copiedSmaller(img: RawImage, large: Box, small: Box): Promise<boolean> {
  const { gray, scale } = await grayForPortrait(img, large.width);
  const pad = 0.5 * Math.max(small.width, small.height);
  const around = scaleBox(growAlongAcross(small, pad, pad), scale);
  const match = findGhostByTemplate(gray, scaleBox(large, scale), around);
  return !!match && match.score >= GHOST_MATCH;
}
