import {
  readsAsTitle,
  shapeOf,
  type DocumentFamily,
  type DocumentIdentity,
} from '../../../shared/documents/identify.ts';
import { bandOnOutline, layoutOfPrinted } from '../../../shared/documents/layouts.ts';
import {
  applyHomography,
  composeHomographies,
  invertHomography,
  quadThrough,
  type Homography,
} from '../../../shared/homography.ts';
import { boxToRect, polygonBounds, rectCorners, type Box } from '../../../shared/regions.ts';
import type { OcrLine } from './ocr/text.ts';
import type { SideDetection } from './side-detection.ts';
import type { Finding } from './find/finding.ts';
import { placedFindings } from './find/layout-zones.ts';
import { safetyMargin } from './burn.ts';
import { quarterTurnedBack, turnedLines } from './orient.ts';

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

/** No warp: the look is the image itself. */
const SAME: Homography = [1, 0, 0, 0, 1, 0, 0, 0, 1];

interface Frame {
  /** The document's outline in the frame. */
  outline: Box;
  /** Takes a pixel of the frame to the image. */
  toImage: Homography;
  /** What of the frame may hold layout items: the whole view, or the outline. */
  within: Box;
  needsTitle: boolean;
  /** The page text, in the frame's pixels. */
  lines: readonly OcrLine[];
}

/**
 * The frame the layout is placed in: a view warped out of perspective from the document's own
 * outline, or the image itself when the side was looked at as it lies and its outline is the
 * document's (a card cut out of a scan, a file that is the document); either turned the way the
 * document read upright. Null when neither: a document turned by its text's tilt has no outline.
 */
function frameOf(det: SideDetection): Frame | null {
  const view = det.view;
  const lying =
    view?.kind === 'rectified'
      ? {
          outline: view.outline,
          toImage: view.toImage,
          within: { x: 0, y: 0, width: view.width, height: view.height },
          needsTitle: false,
        }
      : view
        ? null
        : // As it lies, the outline may be the whole of a photo the document does not fill: only
          // a document whose title reads at the top of it is taken to fill it.
          { outline: det.outline, toImage: SAME, within: det.outline, needsTitle: true };
  if (!lying || !det.turn) return lying && { ...lying, lines: det.lines };
  // A document lying sideways or upside down (a licence on a table, its portrait unseen by the
  // face model) is placed in its frame turned upright, as it read.
  const back = quarterTurnedBack(
    det.turn,
    lying.within.x + lying.within.width,
    lying.within.y + lying.within.height,
  );
  const ahead = invertHomography(back);
  const turned = (b: Box) => polygonBounds(quadThrough(ahead, b));
  return {
    outline: turned(lying.outline),
    toImage: composeHomographies(lying.toImage, back),
    within: turned(lying.within),
    needsTitle: lying.needsTitle,
    lines: turnedLines(det.lines, back),
  };
}

/**
 * What the layout of a document told by its printed words and shape puts on a side whose MRZ
 * was not read, or not with its check digits (its state read as another's, a layout from it is
 * not the document's own), placed from the document's outline, for each item nothing was found
 * in. On a view warped out of perspective and read as it lies (there the outline is the page's
 * own, at its own size), or on the image as it lies when its outline is the document's.
 */
export function printedLayoutFindings(det: SideDetection, identity: DocumentIdentity): Finding[] {
  const { family } = identity;
  if (det.mrz?.info?.valid || family === 'unknown') return [];
  const layout = layoutOfPrinted(family, identity.country);
  const frame = frameOf(det);
  if (!layout || !frame) return [];
  // The document lying as it reads, wider than tall: a page, or a card.
  const { outline, toImage } = frame;
  const shape = shapeOf(outline.width / outline.height);
  if (!shape || shape !== shapeOf(layout.page.width / layout.page.height)) return [];
  // A card's back has neither title nor portrait, and a card upside down reads its title (if at
  // all) at its foot: a card's front is the side whose title reads at its top.
  const needsTitle = frame.needsTitle || family !== 'passport';
  if (needsTitle && !titledAtTop(frame.lines, outline, family)) return [];
  const found = det.findings.map((f) => ({ ...f, box: inView(toImage, f) }));
  const words = frame.lines.flatMap((l) => l.words);
  const band = bandOnOutline(layout, outline);
  // The burn's margin as the frame measures it: the image's own is larger where the document
  // does not fill it, so the zone yields a little less than it could, never more.
  const margin = safetyMargin(frame.within.width, frame.within.height);
  return placedFindings(layout, band, found, frame.within, 'outline', words, margin).map((f) => {
    const shape = quadThrough(toImage, f.box);
    return { ...f, box: polygonBounds(shape), shape };
  });
}
