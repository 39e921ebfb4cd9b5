import type { Warning } from '../../../shared/warnings.ts';
import type { FaceDetector } from './find/faces.ts';
import { ghostInSpot } from './find/ghost-in-spot.ts';
import type { RawImage } from './raw-image.ts';
import type { SideDetection } from './side-detection.ts';

/**
 * The sides with each ghost image the plan asks for (missing, with the spot its layout prints it
 * in) looked for once more in that spot alone; null when none was found there, and the plan's
 * warnings stand. Runs only for a ghost that is missing: one to a dozen looks of the face model.
 */
export async function withMissingGhostsFound(
  images: readonly RawImage[],
  detections: readonly SideDetection[],
  warnings: readonly Warning[],
  detector: FaceDetector,
): Promise<SideDetection[] | null> {
  let found = false;
  const sides = [...detections];
  for (const w of warnings) {
    if (w.code !== 'missing' || w.kind !== 'ghost_photo' || w.side === null || !w.spot) continue;
    const img = images[w.side];
    const det = sides[w.side];
    if (!img || !det) continue;
    const ghost = await ghostInSpot(img, w.spot, detector);
    if (!ghost) continue;
    sides[w.side] = { ...det, findings: [...det.findings, ghost] };
    found = true;
  }
  return found ? sides : null;
}
