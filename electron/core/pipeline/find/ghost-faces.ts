import { centreIn, growAlongAcross, overlapRatio, type Box } from '../../../../shared/regions.ts';
import type { RawImage } from '../raw-image.ts';
import { cropRaw } from '../vision/crop.ts';
import type { FaceBox, FaceDetector } from './faces.ts';
import { mainFace } from './photo.ts';

/** Tiles are this many portrait faces wide: the ghost's face is then large in the model's view. */
const TILE_FACES = 3;
/** At most this many tiles: on a large page they grow instead (a few hundred ms at most). */
const MAX_TILES = 12;
/** The model's score a face seen in a tile needs: more looks, more chances of a false one. */
const TILE_SCORE = 0.5;
/** A ghost image's face, against the portrait's: smaller, but not a speck. */
const SIZE = { min: 0.15, max: 0.8 };

/** Tile origins along one side: overlapping by a third, the last one flush with the end. */
function starts(length: number, tile: number): number[] {
  if (length <= tile) return [0];
  const n = Math.ceil((length - tile) / (tile * (2 / 3))) + 1;
  return Array.from({ length: n }, (_, i) => Math.round(((length - tile) * i) / (n - 1)));
}

function tileSide(img: RawImage, face: Box): number {
  let side = Math.max(64, TILE_FACES * face.width);
  while (starts(img.width, side).length * starts(img.height, side).length > MAX_TILES) side *= 1.2;
  return Math.min(side, img.width, img.height);
}

/**
 * The page's faces with those of ghost images the page-wide look missed. The face model sees the
 * whole page at 256 px, where a ghost image (a quarter of the portrait's size or less, faded) is a
 * few pixels; when it found no sure face beside the portrait, the page is looked at again in
 * tiles three portrait faces wide, in which the ghost's face is as large as the portrait's was.
 * A ghost found sure there replaces the unsure faces of the page-wide look: those were print
 * (one over a nationality field kept the tiles from looking, and the ghost stayed readable).
 * Boxes in image pixels, to be sorted into portrait and ghost.
 */
export async function withGhostFaces(
  img: RawImage,
  faces: readonly FaceBox[],
  detector: FaceDetector,
): Promise<FaceBox[]> {
  const main = mainFace(faces);
  if (!main) return [...faces];
  // Around the portrait's face by half its width: a face there is the portrait's own.
  const near = growAlongAcross(main.box, main.box.width / 2, main.box.width / 2);
  const others = faces.filter((f) => f !== main && f.score >= 0.15 && !centreIn(f.box, near));
  if (others.some((f) => f.score >= TILE_SCORE)) return [...faces];
  const side = tileSide(img, main.box);
  const found: FaceBox[] = [];
  for (const y of starts(img.height, side)) {
    for (const x of starts(img.width, side)) {
      const tile = await cropRaw(img, { x, y, width: side, height: side });
      for (const f of await detector.detect(tile)) {
        const box = { ...f.box, x: f.box.x + x, y: f.box.y + y };
        const size = box.width / main.box.width;
        if (f.score < TILE_SCORE || size < SIZE.min || size > SIZE.max) continue;
        // The portrait itself, cut by a tile's edge, is a smaller face inside it.
        if (centreIn(box, near)) continue;
        found.push({ box, score: f.score });
      }
    }
  }
  // One face per ghost image: its best look.
  const kept: FaceBox[] = [];
  for (const f of found.sort((a, b) => b.score - a.score)) {
    if (!kept.some((k) => overlapRatio(k.box, f.box) > 0)) kept.push(f);
  }
  if (kept.length === 0) return [...faces];
  return [...faces.filter((f) => !others.includes(f)), ...kept];
}
