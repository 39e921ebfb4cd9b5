import { clampBox, growAlongAcross, type Box } from '../../../../shared/regions.ts';
import type { RawImage } from '../raw-image.ts';
import { tileStarts } from '../vision/tiles.ts';
import { facesIn, type FaceDetector } from './faces.ts';
import type { Finding } from './finding.ts';
import { SURE_FACE } from './photo.ts';
import { ghostFrame } from './portrait-border.ts';

/**
 * A ghost image's face against the spot's narrower side: the layouts' zones hold the copy with
 * room around it (a licence's second image's face is about 0.4 of its zone), never a speck.
 */
const FACE_SHARE = { min: 0.2, max: 0.8 };
/** Windows looked at closer, against the spot's narrower side. */
const CLOSER = 2 / 3;
/** A face's box this close to its window's edge is cut by it. */
const EDGE = 1;
/** What the ghost's frame grows by on every side, against its longer side. */
const FRAME_PAD = 0.1;
/** Smaller spots show the model too little to go on. */
const MIN_SPOT = 48;

/**
 * The ghost image in the spot where the document's layout prints it, looked at on its own. The
 * ghost is otherwise found beside a portrait the face model saw, or as a copy of it; a grey
 * drawn portrait the model missed (placed by the layout instead) left its second image unlooked
 * for, and it stayed readable with only a warning (a Dutch licence's, which the model scored 0.74
 * cut out of its zone, 0.21 on the whole card). Only a face the model is sure of counts.
 */
export async function ghostInSpot(
  img: RawImage,
  spot: Box,
  detector: FaceDetector,
): Promise<Finding | null> {
  const area = clampBox(spot, img.width, img.height);
  const side = Math.min(area.width, area.height);
  if (side < MIN_SPOT) return null;
  // Sure, ghost-sized, and whole in the window: a "face" cut by the window's edge is print or a
  // shadow's edge there (one on a licence's "Burg. Utrecht" at a window's top scored 0.58).
  const facesWithin = async (window: Box) =>
    (await facesIn(img, window, detector)).filter((f) => {
      const share = Math.max(f.box.width, f.box.height) / Math.min(window.width, window.height);
      const whole =
        f.box.x > window.x + EDGE &&
        f.box.y > window.y + EDGE &&
        f.box.x + f.box.width < window.x + window.width - EDGE &&
        f.box.y + f.box.height < window.y + window.height - EDGE;
      return f.score >= SURE_FACE && share >= FACE_SHARE.min && share <= FACE_SHARE.max && whole;
    });
  const faces = await facesWithin(area);
  if (faces.length === 0) {
    // Closer, in windows: a faint copy in a photo's shadow scored 0.27 in its zone, 0.57 in a
    // window two thirds as large. A third of a window apart, a face up to two thirds of a
    // window's width lies whole in one of them (tiles overlapping by a third cut a face half a
    // window wide in each).
    const tile = Math.round(CLOSER * side);
    for (const dy of tileStarts(area.height, tile, tile / 3))
      for (const dx of tileStarts(area.width, tile, tile / 3))
        faces.push(
          ...(await facesWithin({ x: area.x + dx, y: area.y + dy, width: tile, height: tile })),
        );
  }
  const best = faces.sort((a, b) => b.score - a.score)[0];
  if (!best) return null;
  const frame = ghostFrame(best.box, img.width, img.height);
  // A tenth more on every side: the model's box on a faint copy in a shadow was 40 px on a face
  // about 50 px wide, and its frame left the copy's edges out; the zone holds nothing else.
  const pad = FRAME_PAD * Math.max(frame.width, frame.height);
  return {
    kind: 'ghost_photo',
    box: clampBox(growAlongAcross(frame, pad, pad), img.width, img.height),
    confidence: best.score,
    via: 'face',
  };
}
