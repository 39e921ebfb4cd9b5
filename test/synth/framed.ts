import { uprightCorners } from '../../shared/homography.ts';
import { photograph, randomCapture, randomLight } from './capture.ts';
import { randomHolder } from './holder.ts';
import { createRng } from './prng.ts';
import { drawSide, SIDE_KINDS, type RealisticFile } from './realistic.ts';
import { corners } from './variants.ts';

/** The framing set's own seed: measured in the bench, never tuned on (as the holdout). */
export const FRAMING_HOLDOUT_SEED = 31_337;

/** Long sides of the photos people send: a chat app's re-encoding up to a 12 MP camera file. */
const FRAMES = [1600, 2048, 3000, 4032];

/** Fewer pixels per millimetre than this leaves an MRZ character 2 px wide: no reader can. */
const MIN_PX_PER_MM = 8;

/**
 * Phone photos framed the many ways people take them, where the realistic corpus always leaves the
 * same margin: the document filling the frame edge to edge or small in a large one, off centre,
 * at a camera's full resolution or a chat app's. Tilt, perspective, table, light, blur, noise and
 * JPEG quality vary as in the realistic corpus.
 */
export async function framedCorpus(count: number, seed: number): Promise<RealisticFile[]> {
  const rng = createRng(seed);
  const files: RealisticFile[] = [];
  for (let i = 0; i < count; i++) {
    const holder = randomHolder(rng);
    const docType = rng.pick(SIDE_KINDS);
    const long = rng.pick(FRAMES);
    const mmWide = docType.endsWith('passport') ? 125 : 85.6;
    const fill = Math.max(0.3 + 0.65 * rng.next(), (MIN_PX_PER_MM * mmWide) / long);
    const offset = { x: rng.next() * 2 - 1, y: rng.next() * 2 - 1 };
    // Drawn near the size it will have in the photo, so the camera neither blurs nor aliases it.
    const mm = Math.min(24, Math.max(MIN_PX_PER_MM, Math.round((fill * long) / mmWide)));
    const { side } = await drawSide(docType, holder, mm, seed + i, rng);
    // The phone held off to one side too, drawn from a stream of its own so that every other
    // draw (and so each document, its table and its light) is what it was before this was added.
    // So is the room's light (a colour cast, a shadow across).
    const own = createRng(seed * 7919 + i);
    const sideLean = (own.next() * 2 - 1) * 0.1;
    const light = randomLight(own);
    const shot = { ...randomCapture(rng, 20), sideLean, light, framing: { long, fill, offset } };
    const out = await photograph(side.png, shot, rng);
    files.push({
      name: `${docType}-${i}-framed-${long}-${Math.round(100 * fill)}`,
      docType,
      capture: 'phone',
      orientation: Math.abs(shot.angle) >= 3 ? 'tilted' : 'square',
      outline: uprightCorners(side.width, side.height).map(out.map),
      bytes: out.bytes,
      secrets: side.secrets.map(corners).map((t) => ({ ...t, polygon: t.polygon.map(out.map) })),
      keep: side.keep.map(corners).map((t) => ({ ...t, polygon: t.polygon.map(out.map) })),
    });
  }
  return files;
}
