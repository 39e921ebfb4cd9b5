import {
  readsAsTitle,
  shapeOf,
  type DocumentFamily,
  type DocumentIdentity,
} from '../../../shared/documents/identify.ts';
import { bandOnOutline, layoutOfPrinted } from '../../../shared/documents/layouts.ts';
import {
  applyHomography,
  invertHomography,
  quadThrough,
  type Homography,
} from '../../../shared/homography.ts';
import { boxToRect, polygonBounds, rectCorners, type Box } from '../../../shared/regions.ts';
import type { OcrLine } from './ocr/text.ts';
import type { SideDetection } from './side-detection.ts';
import type { Finding } from './find/finding.ts';
import { placedFindings } from './find/layout-zones.ts';

/** Whether a line in the top third of the document's outline reads as its title. */
function titledAtTop(lines: readonly OcrLine[], outline: Box, family: DocumentFamily): boolean {
  const top = outline.y + outline.height / 3;
  return lines.some((l) => readsAsTitle(l.text, family) && l.box.y + l.box.height / 2 <= top);
}

/** A box on the image as the bounds of where it lies in the view (`toImage` taken back). */
function inView(toImage: Homography, f: Finding): Box {
  const toView = invertHomography(toImage);
  const corners = f.shape ?? rectCorners(boxToRect(f.box));
  return polygonBounds(corners.map((p) => applyHomography(toView, p)));
}

/**
 * What the layout of a document told by its printed words and shape puts on a side whose MRZ
 * was not read, or not with its check digits (its state read as another's, a layout from it is
 * not the document's own), placed from the page's outline in the upright view, for each item
 * nothing was found in. Only on a view warped out of perspective and read as it lies: there the
 * outline is the page's own, at its own size.
 */
export function printedLayoutFindings(det: SideDetection, identity: DocumentIdentity): Finding[] {
  const view = det.view;
  if (det.mrz?.info?.valid || view?.kind !== 'rectified' || det.turn) return [];
  const layout = layoutOfPrinted(identity.family, identity.country);
  if (!layout) return [];
  // The document lying as it reads, wider than tall: a page, or a card.
  const { outline } = view;
  const shape = shapeOf(outline.width / outline.height);
  if (!shape || shape !== shapeOf(layout.page.width / layout.page.height)) return [];
  // A licence's back has neither title nor portrait, and a card upside down reads its title (if
  // at all) at its foot: the front is the side whose title reads at its top.
  if (identity.family === 'driving_licence' && !titledAtTop(det.lines, outline, identity.family))
    return [];
  const found = det.findings.map((f) => ({ ...f, box: inView(view.toImage, f) }));
  const within = { x: 0, y: 0, width: view.width, height: view.height };
  return placedFindings(layout, bandOnOutline(layout, outline), found, within, 'outline').map(
    (f) => {
      const shape = quadThrough(view.toImage, f.box);
      return { ...f, box: polygonBounds(shape), shape };
    },
  );
}
