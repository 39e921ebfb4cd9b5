import {
  boxArea,
  growAlongAcross,
  intersectBoxes,
  middleOf,
  overlapRatio,
  scaleBox,
  type Box,
} from '../../../../shared/regions.ts';
import type { OcrLine } from '../ocr/text.ts';
import type { Gray } from '../vision/gray.ts';
import { cleanWordsAcross, sureLineThrough } from './clean-print.ts';
import type { FaceBox } from './faces.ts';
import { growFaceToPortrait } from './portrait-border.ts';

export interface PhotoFinding {
  kind: 'photo' | 'ghost_photo';
  box: Box;
  /** The detected face inside it (image pixels). */
  face: Box;
  confidence: number;
  via: 'face' | 'template';
}

/** Scores from which the face model is fairly sure, and sure, of a face. */
export const FAIRLY_SURE = 0.35;
export const SURE_FACE = 0.5;
/** A ghost image is printed narrower than this share of its portrait's width. */
export const GHOST_WIDTH = 0.8;

/**
 * From this score a face is one even with words read across it: a specimen's portrait carries
 * "SPECIMEN" printed over it.
 */
const SURE_ON_PRINT = 0.6;

/**
 * The faces without those the model saw on a field's print: words read with confidence across
 * the middle of a "face" it is not sure of are dates or a number (a 26 px "face" scored 0.51 on a
 * small card's date of birth, became the portrait the model had missed, and the date was blacked
 * out), or a line read surely running through it (a label and a date's first digit). Only the
 * middle, where a face's eyes, nose and mouth are: on a small scan the model's box round a real
 * portrait (0.59) ran over the names printed beside it.
 */
export function facesOffPrint(faces: readonly FaceBox[], lines: readonly OcrLine[]): FaceBox[] {
  return faces.filter((f) => {
    if (f.score >= SURE_ON_PRINT) return true;
    const middle = middleOf(f.box);
    return !cleanWordsAcross(middle, lines) && !sureLineThrough(middle, lines);
  });
}

/** The holder's face: the largest the model is fairly sure of (or scored `atLeast`). */
export function mainFace(faces: readonly FaceBox[], atLeast = FAIRLY_SURE): FaceBox | undefined {
  const area = (f: FaceBox) => f.box.width * f.box.height;
  return [...faces]
    .sort((a, b) => b.score - a.score)
    .filter((f) => f.score >= atLeast)
    .sort((a, b) => area(b) - area(a))[0];
}

/**
 * The strongest face is the holder's photo; weaker, smaller faces elsewhere are ghost images.
 * Boxes are given and returned in image pixels; `gray` is the image at `scale`.
 */
export function findPhotos(faces: readonly FaceBox[], gray: Gray, scale: number): PhotoFinding[] {
  const sorted = [...faces].sort((a, b) => b.score - a.score);
  const main = mainFace(faces);
  if (!main) return [];
  const out: PhotoFinding[] = [];
  const portrait = growFaceToPortrait(gray, scaleBox(main.box, scale));
  for (const face of sorted) {
    const isMain =
      face === main || (face.score >= 0.6 && face.box.width >= GHOST_WIDTH * main.box.width);
    // Ghost images are printed smaller than the portrait; a weak face as large is a false hit.
    if (!isMain && face.box.width > GHOST_WIDTH * main.box.width) continue;
    if (!isMain && face.score < 0.15) continue;
    if (out.some((p) => overlapRatio(p.box, face.box) > 0.5)) continue;
    const scaled = scaleBox(face.box, scale);
    // A ghost image is printed apart from the portrait: a weak "face" touching the portrait, or
    // within a tenth of its width of it, is the print beside it (the names; one 4 px off the
    // portrait's border took a surname for a ghost), and the template search then looks for
    // the real one.
    const gap = 0.1 * portrait.width;
    if (!isMain && boxArea(intersectBoxes(scaled, growAlongAcross(portrait, gap, gap))) > 0)
      continue;
    const grown = face === main ? portrait : growFaceToPortrait(gray, scaled, !isMain);
    out.push({
      kind: isMain ? 'photo' : 'ghost_photo',
      box: scaleBox(grown, 1 / scale),
      face: face.box,
      confidence: face.score,
      via: 'face',
    });
  }
  // A document prints one ghost image: beside one the model is sure of, a "face" it is unsure of
  // is print (a surname and the number above it scored 0.16, and were blacked out).
  if (out.some((p) => p.kind === 'ghost_photo' && p.confidence >= SURE_FACE))
    return out.filter((p) => p.kind === 'photo' || p.confidence >= FAIRLY_SURE);
  return out;
}
