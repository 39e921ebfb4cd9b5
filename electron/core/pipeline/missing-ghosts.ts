import type { FaceDetector } from './find/faces.ts';
import { ghostInSpot } from './find/ghost-in-spot.ts';
import type { Plan } from './plan.ts';
import type { RawImage } from './raw-image.ts';
import type { SideDetection } from './side-detection.ts';

/**
 * The sides with each ghost image the plan did not find (one the document prints, or may print)
 * looked for once more in the spot its layout prints it in; null when none was found there, and
 * the plan's warnings stand. Runs only for a ghost that is missing: one to a few dozen looks of
 * the face model.
 */
export async function withMissingGhostsFound(
  images: readonly RawImage[],
  detections: readonly SideDetection[],
  spots: Plan['ghostSpots'],
  detector: FaceDetector,
): Promise<SideDetection[] | null> {
  let found = false;
  const sides = [...detections];
  for (const { side, spot } of spots) {
    const img = images[side];
    const det = sides[side];
    if (!img || !det) continue;
    const ghost = await ghostInSpot(img, spot, detector);
    if (!ghost) continue;
    sides[side] = { ...det, findings: [...det.findings, ghost] };
    found = true;
  }
  return found ? sides : null;
}
