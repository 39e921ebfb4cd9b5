// How well the document's outline is found on phone photos, for `npm run bench`: measured only.
import { loadImage } from '../../electron/core/pipeline/load.ts';
import { toGray } from '../../electron/core/pipeline/vision/gray.ts';
import { documentOutline } from '../../electron/core/pipeline/vision/outline.ts';
import { readTextLines } from '../../electron/core/pipeline/vision/skew.ts';
import type { RealisticFile } from '../synth/realistic.ts';

/**
 * Outlines found, and how far their corners lie from the true ones (share of the image's
 * diagonal). A found outline off by more than 2 % cuts the document or takes in the table: the
 * search then runs on the wrong view, so those are counted apart.
 */
export async function outlineFigures(files: readonly RealisticFile[]): Promise<string[]> {
  const phones = files.filter((f) => f.capture === 'phone' || f.capture === 'exif-phone');
  const errors: number[] = [];
  let wrong = 0;
  for (const f of phones) {
    const img = await loadImage(f.bytes);
    const { skew } = readTextLines((await toGray(img, 800)).gray);
    const quad = (await documentOutline(img, skew))?.quad;
    if (!quad) continue;
    const diag = Math.hypot(img.width, img.height);
    // The document may lie any way up on the photo: each true corner's nearest found corner.
    const err = Math.max(
      ...f.outline.map((p) => Math.min(...quad.map((q) => Math.hypot(q.x - p.x, q.y - p.y)))),
    );
    errors.push(err / diag);
    if (err / diag > 0.02) wrong++;
  }
  errors.sort((a, b) => a - b);
  const median = errors[Math.floor(errors.length / 2)] ?? 0;
  return [
    `Document outline on phone photos: found on ${errors.length}/${phones.length}, ` +
      `wrong (a corner > 2 % of the diagonal off) ${wrong}, ` +
      `median corner error ${(100 * median).toFixed(2)} % of the diagonal`,
  ];
}
