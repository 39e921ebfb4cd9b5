import { centreIn, growAlongAcross, type Box } from '../../../../shared/regions.ts';
import type { RawImage } from '../raw-image.ts';
import { tileStarts } from '../vision/tiles.ts';
import { bestLooks, closerLook, facesIn, type FaceBox, type FaceDetector } from './faces.ts';
import { mainFace } from './photo.ts';

/** Tiles are this many portrait faces wide: the ghost's face is then large in the model's view. */
const TILE_FACES = 3;
/** At most this many tiles: on a large page they grow instead (a few hundred ms at most). */
const MAX_TILES = 12;
/**
 * Tiles beside the portrait are this many portrait faces wide: a faded ghost in shadow, a quarter
 * of the portrait's size, scored under the bar in a tile three faces wide and over it in a
 * tile this size (the model sees it larger).
 */
const BAND_TILE = 2.2;
/** The model's score a face seen in a tile needs: more looks, more chances of a false one. */
const TILE_SCORE = 0.5;
/** Ghost-sized faces scored this in the tiles beside the portrait are looked at closer. */
const UNSURE_GHOST = 0.15;
/** At most this many, best first: each closer look costs a face detection. */
const MAX_CLOSER = 4;
/** Those looked at closer are this share of the portrait's face wide at least (ghosts: 0.3–0.5). */
const CLOSER_SIZE = 0.25;
/** A ghost image's face, against the portrait's: smaller, but not a speck. */
const SIZE = { min: 0.15, max: 0.8 };

function tileSide(img: RawImage, face: Box): number {
  let side = Math.max(64, TILE_FACES * face.width);
  while (tileStarts(img.width, side).length * tileStarts(img.height, side).length > MAX_TILES)
    side *= 1.2;
  return Math.min(side, img.width, img.height);
}

/**
 * The page's faces with those of ghost images the page-wide look missed. The face model sees the
 * whole page at 256 px, where a ghost image (a quarter of the portrait's size or less, faded) is a
 * few pixels; when it found no sure face beside the portrait, the page is looked at again in
 * tiles three portrait faces wide, in which the ghost's face is as large as the portrait's was;
 * when those find none, where a ghost is printed is looked at closer still (a ghost faded in a
 * photo's shadow). A ghost found sure in those tiles replaces the unsure faces of the page-wide
 * look: those were print (one over a nationality field kept the tiles from looking, and the
 * ghost stayed readable). Failing that, the ghost-sized faces the model was unsure of beside the
 * portrait are looked at closer again, each in a square two and a half of its widths wide; one
 * sure there is added to the page's faces.
 * Boxes in image pixels, to be sorted into portrait and ghost.
 */
export async function withGhostFaces(
  img: RawImage,
  faces: readonly FaceBox[],
  detector: FaceDetector,
): Promise<FaceBox[]> {
  // With no face the model is fairly sure of, the largest it scored UNSURE_PORTRAIT.
  const main = mainFace(faces) ?? mainFace(faces, UNSURE_PORTRAIT);
  if (!main) return [...faces];
  const near = aroundPortrait(main.box);
  const others = faces.filter((f) => f !== main && f.score >= 0.15 && !centreIn(f.box, near));
  if (others.some((f) => f.score >= TILE_SCORE)) return [...faces];
  const page = { x: 0, y: 0, width: img.width, height: img.height };
  const look = (within: Box, side: number) => ghostFacesIn(img, within, side, main.box, detector);
  const replacing = (ghosts: FaceBox[]) => [...faces.filter((f) => !others.includes(f)), ...ghosts];
  const tiled = sureOf(await look(page, tileSide(img, main.box)));
  if (tiled.length > 0) return replacing(tiled);
  const band = await look(besidePortrait(main.box, page), BAND_TILE * main.box.width);
  const banded = sureOf(band);
  if (banded.length > 0) return replacing(banded);
  // Confirmed only closer, a ghost leaves the page's unsure faces be: on a passport photographed
  // upside down, two "ghosts" confirmed on print took the place of the real portrait, scored
  // 0.3 there, and the page was kept the wrong way up (nothing but the faces blacked out).
  return [...faces, ...(await confirmedCloser(img, band, main.box, detector))];
}

/**
 * A face the model is unsure of that may still be the portrait, whose ghost is looked for: a drawn
 * portrait scored 0.34 on a clean passport scan, and its ghost image, which the page-wide look
 * missed, was looked for nowhere and stayed readable with no warning (the portrait itself was
 * placed from the MRZ). A ghost found beside it tells it is the portrait (`withCopiedPortraits`).
 */
const UNSURE_PORTRAIT = 0.25;

/** Around the portrait's face by half its width: a face there is the portrait's own. */
function aroundPortrait(face: Box): Box {
  return growAlongAcross(face, face.width / 2, face.width / 2);
}

/**
 * Where a ghost image is printed: right of the portrait on the data pages and card fronts whose
 * layouts are known (its centre about four portrait faces to the right, up to a face lower), with
 * room for other models. In image pixels, clipped to the page.
 */
export function besidePortrait(face: Box, page: Box): Box {
  const x = face.x + face.width * 1.2;
  const y = Math.max(page.y, face.y - face.height);
  const right = Math.min(page.x + page.width, face.x + face.width * 7.5);
  const bottom = Math.min(page.y + page.height, face.y + face.height * 3);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

const sureOf = (faces: readonly FaceBox[]) => faces.filter((f) => f.score >= TILE_SCORE);

/**
 * The ghost-sized faces the model was unsure of, looked at closer, best first, those it is sure
 * of there: a ghost image in a photo's shadow, its face a sixth of a tile beside the portrait,
 * scored 0.21 there and 0.66 in a square three of its widths wide.
 */
async function confirmedCloser(
  img: RawImage,
  unsure: readonly FaceBox[],
  portrait: Box,
  detector: FaceDetector,
): Promise<FaceBox[]> {
  const confirmed: FaceBox[] = [];
  // Large enough to be a ghost's face: a square a few times a speck's size, enlarged for the
  // model, shows it "faces" in print (0.72 on a 23 px piece of a date upside down).
  const large = unsure.filter((f) => f.box.width >= CLOSER_SIZE * portrait.width);
  for (const face of [...large].sort((a, b) => b.score - a.score).slice(0, MAX_CLOSER)) {
    const seen = await closerLook(img, face.box, detector, TILE_SCORE);
    if (seen && ghostSized(seen, portrait)) confirmed.push(seen);
  }
  return bestLooks(confirmed);
}

/** A face of a ghost image's size beside the portrait, and not the portrait itself. */
export function ghostSized(f: FaceBox, portrait: Box): boolean {
  const size = f.box.width / portrait.width;
  // The portrait itself, cut by a tile's edge, is a smaller face inside it.
  return size >= SIZE.min && size <= SIZE.max && !centreIn(f.box, aroundPortrait(portrait));
}

/**
 * Faces of a ghost image's size in square tiles of `side` over `within`, those the model scored
 * at least `UNSURE_GHOST`: the best look of each.
 */
async function ghostFacesIn(
  img: RawImage,
  within: Box,
  side: number,
  portrait: Box,
  detector: FaceDetector,
): Promise<FaceBox[]> {
  if (within.width <= 0 || within.height <= 0) return [];
  const tile = Math.min(side, img.width, img.height);
  const found: FaceBox[] = [];
  for (const dy of tileStarts(within.height, tile)) {
    for (const dx of tileStarts(within.width, tile)) {
      const x = Math.round(Math.min(within.x + dx, img.width - tile));
      const y = Math.round(Math.min(within.y + dy, img.height - tile));
      for (const f of await facesIn(img, { x, y, width: tile, height: tile }, detector))
        if (f.score >= UNSURE_GHOST && ghostSized(f, portrait)) found.push(f);
    }
  }
  // One face per ghost image: its best look.
  return bestLooks(found);
}
