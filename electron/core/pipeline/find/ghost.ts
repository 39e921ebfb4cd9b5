import { scaleBox, unionBoxes, type Box } from '../../../../shared/regions.ts';
import type { OcrLine } from '../ocr/text.ts';
import { cleanPrintAcross, cleanWordsAcross, sureWordIn } from './clean-print.ts';
import type { RawImage } from '../raw-image.ts';
import { toGray, type Gray } from '../vision/gray.ts';
import type { PhotoFinding } from './photo.ts';
import { besidePortrait } from './ghost-faces.ts';

/** Bilinear resize of a grey crop (small sizes only; used to build templates). */
function resizeCrop(g: Gray, box: Box, width: number, height: number): Float64Array {
  const out = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = Math.min(g.width - 1, Math.max(0, box.x + ((x + 0.5) * box.width) / width));
      const sy = Math.min(g.height - 1, Math.max(0, box.y + ((y + 0.5) * box.height) / height));
      out[y * width + x] = g.data[Math.floor(sy) * g.width + Math.floor(sx)] ?? 0;
    }
  }
  return out;
}

/**
 * The ghost image is a small, faded copy of the portrait, often too faint for the face detector.
 * Normalised cross-correlation ignores fading (contrast) and finds the copy by its shape: the
 * portrait, shrunk to a few plausible sizes, is slid over the page. Hand-written because no
 * maintained npm package does template matching without pulling in OpenCV.
 */
export function findGhostByTemplate(
  g: Gray,
  photo: Box,
  within: Box = { x: 0, y: 0, width: g.width, height: g.height },
): { box: Box; score: number } | null {
  let best: { box: Box; score: number } | null = null;
  const [x0, y0] = [Math.max(0, Math.round(within.x)), Math.max(0, Math.round(within.y))];
  const [x1, y1] = [
    Math.min(g.width, Math.round(within.x + within.width)),
    Math.min(g.height, Math.round(within.y + within.height)),
  ];
  for (const k of [0.35, 0.45, 0.55, 0.7]) {
    const tw = Math.max(6, Math.round(photo.width * k));
    const th = Math.max(8, Math.round(photo.height * k));
    const t = resizeCrop(g, photo, tw, th);
    const n = tw * th;
    const tMean = t.reduce((a, b) => a + b, 0) / n;
    let tVar = 0;
    for (let i = 0; i < n; i++) {
      t[i] = (t[i] as number) - tMean;
      tVar += (t[i] as number) ** 2;
    }
    if (tVar === 0) continue;
    for (let y = y0; y + th <= y1; y += 1) {
      for (let x = x0; x + tw <= x1; x += 1) {
        // Skip the portrait itself.
        if (
          x < photo.x + photo.width &&
          x + tw > photo.x &&
          y < photo.y + photo.height &&
          y + th > photo.y
        )
          continue;
        let sum = 0;
        let sumSq = 0;
        let cross = 0;
        for (let j = 0; j < th; j++) {
          const row = (y + j) * g.width + x;
          for (let i = 0; i < tw; i++) {
            const v = g.data[row + i] ?? 0;
            sum += v;
            sumSq += v * v;
            cross += v * (t[j * tw + i] as number);
          }
        }
        const iVar = sumSq - (sum * sum) / n;
        if (iVar < n * 4) continue; // flat paper: no picture here
        const score = cross / Math.sqrt(iVar * tVar);
        if (!best || score > best.score) best = { box: { x, y, width: tw, height: th }, score };
      }
    }
  }
  return best;
}

/**
 * The image in grey at the scale at which the template search sees a portrait `width` pixels wide
 * on it: about 48 px wide (the page at most 600 px long).
 */
export function grayForPortrait(
  img: RawImage,
  width: number,
): Promise<{ gray: Gray; scale: number }> {
  const long = Math.max(img.width, img.height);
  return toGray(img, Math.min(600, Math.round((long * 48) / width)));
}

/** Minimum correlation for a template match to count as the ghost image. */
export const GHOST_MATCH = 0.6;
/**
 * On a document that prints a ghost image, beside the portrait where it is printed: less alike
 * faded in a shadow (0.59 on a Belgian eID, left readable with a warning). Only there: print
 * on driving licences, which print none, matched up to 0.57.
 */
const EXPECTED_GHOST_MATCH = 0.5;
/**
 * A ghost the face detector is less sure of than this may be something else (the card's corner,
 * print): where no copy of the portrait lies around it, the whole page is searched too.
 */
const SURE_GHOST = 0.5;

/**
 * The photos without the "ghost images" the face detector saw on print: words read with
 * confidence across the face it found (a licence's dates and numbers, sideways, scored 0.55)
 * are a field, which a ghost's black would cover.
 */
export function ghostsOffPrint(
  photos: readonly PhotoFinding[],
  lines: readonly OcrLine[],
): PhotoFinding[] {
  return photos.filter((p) => p.kind !== 'ghost_photo' || !cleanWordsAcross(p.face, lines));
}

/**
 * The photos with the ghost image found by its likeness to the portrait: where the face detector
 * missed the faint copy, anywhere on the page; where it found it, around its find, whose frame
 * then grows to the copy's whole extent (the detector's box on a faded face can be half the
 * copy's width, and off centre). An unsure find with no copy around it does not stop the search
 * elsewhere: a weak "face" on a passport's corner had kept it from the real ghost, and a sure copy
 * found elsewhere takes its place. With `expected` (the document is one that prints a ghost
 * image), a copy less alike is taken where the ghost is printed.
 */
export async function withTemplateGhost(
  img: RawImage,
  photos: readonly PhotoFinding[],
  lines: readonly OcrLine[],
  expected = false,
): Promise<PhotoFinding[]> {
  const main = photos.find((p) => p.kind === 'photo');
  if (!main) return [...photos];
  const found = photos.find((p) => p.kind === 'ghost_photo');
  const { gray, scale } = await grayForPortrait(img, main.box.width);
  const portrait = scaleBox(main.box, scale);
  // Clean print across the match: the print's texture correlated, not a ghost image. Lines
  // longer than the match lie mostly outside it; their words tell (a licence's names and title
  // matched 0.61, and the given names were blacked out).
  const copyAt = (within?: Box, bar = GHOST_MATCH) => {
    const match = findGhostByTemplate(gray, portrait, within);
    if (!match || match.score < bar) return null;
    const box = scaleBox(match.box, 1 / scale);
    const print =
      cleanPrintAcross(box, lines) || cleanWordsAcross(box, lines) || sureWordIn(box, lines);
    return print ? null : { box, score: match.score };
  };
  if (found) {
    const near = copyAt(scaleBox(grownBy(found.box, 0.5), scale));
    if (near)
      return photos.map((p) =>
        p === found ? { ...found, box: unionBoxes([found.box, grownBy(near.box, 0.08)]) } : p,
      );
    if (found.confidence >= SURE_GHOST) return [...photos];
  }
  const page = { x: 0, y: 0, width: img.width, height: img.height };
  const printedAt = () => scaleBox(besidePortrait(main.face, page), scale);
  const copy = copyAt() ?? (expected ? copyAt(printedAt(), EXPECTED_GHOST_MATCH) : null);
  if (!copy) return [...photos];
  const ghost: PhotoFinding = {
    kind: 'ghost_photo',
    box: grownBy(copy.box, 0.08),
    face: copy.box,
    confidence: copy.score,
    via: 'template',
  };
  // A copy of the portrait as alike as a ghost image is, elsewhere, is the ghost: the face model's
  // unsure "ghost", with no copy of the portrait around it, was print (a licence's dates and
  // numbers in a shadow, 0.19, and their black covered the date of birth and the expiry).
  const unsure = found && copy.score >= GHOST_MATCH ? found : null;
  return [...photos.filter((p) => p !== unsure), ghost];
}

/** The box with `k` times its longer side added on every side. */
function grownBy(b: Box, k: number): Box {
  const pad = k * Math.max(b.width, b.height);
  return { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad };
}
