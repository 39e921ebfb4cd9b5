import {
  applyHomography,
  composeHomographies,
  homography,
  invertHomography,
  uprightCorners,
  type Homography,
} from '../../../shared/homography.ts';
import { clampBox, distance, polygonBounds, type Box } from '../../../shared/regions.ts';
import { rotateFree } from './orient.ts';
import type { RawImage } from './raw-image.ts';
import type { Outline } from './vision/outline.ts';
import { rectify } from './vision/warp.ts';

/**
 * How a document that does not lie square on the image is looked at upright: turned by the tilt
 * of its text lines, or, when its outline was found, the whole image warped out of perspective.
 */
export type ViewPlan =
  | { kind: 'turned'; skew: number }
  | {
      kind: 'rectified';
      /** Takes a pixel of the view to the image. */
      toImage: Homography;
      width: number;
      height: number;
      /** The document's outline in the view: upright, at the document's own size. */
      outline: Box;
      /** Only the document lies on the table (see Outline): detection may see it on white. */
      alone: boolean;
    };

/** The plan of a view warped out of perspective from a document's outline. */
export type RectifiedPlan = Extract<ViewPlan, { kind: 'rectified' }>;

/** The upright view, and the map taking its points back to the image. */
export interface View {
  image: RawImage;
  toImage: Homography;
}

/**
 * The view holds the whole image, but no more than this many document sizes either way: a
 * steep perspective stretches the far corners of a photo without end.
 */
const MAX_REACH = 1;

/**
 * The plan that warps the image so the outline `quad` stands upright at its own size. The whole
 * image is kept in the view (what lies outside a wrong outline is still seen by the self-check).
 */
export function outlineView(
  { quad, alone }: Outline,
  img: { width: number; height: number },
): RectifiedPlan {
  const [tl, tr, br, bl] = quad;
  const w = Math.max(distance(tl, tr), distance(bl, br));
  const h = Math.max(distance(tl, bl), distance(tr, br));
  const docToImage = homography(uprightCorners(w, h), quad);
  const imageToDoc = invertHomography(docToImage);
  const reach = polygonBounds(
    uprightCorners(img.width, img.height).map((p) => applyHomography(imageToDoc, p)),
  );
  const x0 = Math.floor(Math.max(reach.x, -MAX_REACH * w));
  const y0 = Math.floor(Math.max(reach.y, -MAX_REACH * h));
  const x1 = Math.ceil(Math.min(reach.x + reach.width, (1 + MAX_REACH) * w));
  const y1 = Math.ceil(Math.min(reach.y + reach.height, (1 + MAX_REACH) * h));
  // The view's pixel (x, y) is the document's point (x + x0, y + y0).
  const shift = [1, 0, x0, 0, 1, y0, 0, 0, 1];
  return {
    kind: 'rectified',
    toImage: composeHomographies(docToImage, shift),
    width: x1 - x0,
    height: y1 - y0,
    outline: { x: -x0, y: -y0, width: w, height: h },
    alone,
  };
}

/**
 * Turned by −skew on a canvas grown to hold it (rotateFree): a point of the view goes back about
 * the centres, turned by +skew.
 */
function turnedBack(skew: number, view: RawImage, img: RawImage): Homography {
  const a = (skew * Math.PI) / 180;
  const [c, s] = [Math.cos(a), Math.sin(a)];
  const [vx, vy] = [view.width / 2, view.height / 2];
  const [ox, oy] = [img.width / 2, img.height / 2];
  return [c, -s, ox - (c * vx - s * vy), s, c, oy - (s * vx + c * vy), 0, 0, 1];
}

/**
 * The plan to keep for a look in `view`, whose document's outline there is `outline`: a view
 * turned by the text's tilt in which the document was cut out of plain paper (a card scanned a
 * few degrees askew) is that document's upright view as much as one warped from its outline,
 * and is kept as one. Kept as a mere turn, its outline was unknown in it, and a Belgian card
 * whose portrait the face model missed (its ghost taken for it) got no portrait zone, with no
 * warning.
 */
export function keptPlan(plan: ViewPlan, view: View, outline: Box): ViewPlan {
  const { width, height } = view.image;
  const whole =
    outline.x <= 0 && outline.y <= 0 && outline.width >= width && outline.height >= height;
  if (plan.kind !== 'turned' || whole) return plan;
  return { kind: 'rectified', toImage: view.toImage, width, height, outline, alone: false };
}

/** Around the outline, this much of the document's size is kept as it is on paper (see seeView). */
const PAPER_MARGIN = 0.03;

/**
 * The upright view of `img`. With `paper`, a rectified view of a document alone on the table
 * shows only the document and a thin margin, on white as if scanned: the table round it (wood
 * grain, a striped cloth) otherwise runs into the print at the document's edge for OCR. With
 * anything else printed beside it, or for the self-check, the whole photo is shown.
 */
export async function seeView(img: RawImage, plan: ViewPlan, paper = false): Promise<View> {
  if (plan.kind === 'turned') {
    const image = await rotateFree(img, -plan.skew);
    return { image, toImage: turnedBack(plan.skew, image, img) };
  }
  const part = paper && plan.alone ? shownOnPaper(plan) : undefined;
  const image = rectify(img, plan.toImage, plan.width, plan.height, part);
  return { image, toImage: plan.toImage };
}

/** What a view of a document alone on the table shows on paper: its outline and a thin margin. */
function shownOnPaper({ outline }: RectifiedPlan): Box {
  const { x, y, width: w, height: h } = outline;
  const [mx, my] = [w * PAPER_MARGIN, h * PAPER_MARGIN];
  return { x: x - mx, y: y - my, width: w + 2 * mx, height: h + 2 * my };
}

/**
 * The part of the view `seeView(…, paper)` shows of the image: on a view of a document alone,
 * only its outline and margin (white paper round it), else the whole view.
 */
export function shownPart(plan: RectifiedPlan): Box {
  if (!plan.alone) return { x: 0, y: 0, width: plan.width, height: plan.height };
  return clampBox(shownOnPaper(plan), plan.width, plan.height);
}

/** Words of at least this many capitals and digits are print, not the table's texture. */
const PRINT_RUN = /[A-Z0-9<]{8}/;

/**
 * Whether two or more lines of print read in a view run into the edge of what it shows (`shown`,
 * see shownPart): the view, warped from an outline found on part of the document, cuts through
 * it. On a view of a document alone, print cut by a wrong outline ends at the paper's edge, not
 * the view's: tested against the view's, the check never fired there.
 */
export function cutsThroughText(lines: readonly { box: Box; text: string }[], shown: Box): boolean {
  const atEdge = (b: Box) =>
    b.x <= shown.x + 1 ||
    b.y <= shown.y + 1 ||
    b.x + b.width >= shown.x + shown.width - 1 ||
    b.y + b.height >= shown.y + shown.height - 1;
  const cut = lines.filter((l) => atEdge(l.box) && PRINT_RUN.test(l.text.replace(/\s/g, '')));
  return cut.length >= 2;
}
