import { holdsTwoSides } from '../../../shared/documents/identify.ts';
import { isVkError } from '../../../shared/errors.ts';
import { quadThrough } from '../../../shared/homography.ts';
import { polygonBounds, type Box, type Shape } from '../../../shared/regions.ts';
import { coveredShare } from '../../../shared/shapes.ts';
import type { Engines } from './engines.ts';
import { findMrz } from './find/mrz.ts';
import type { RawImage } from './raw-image.ts';
import { lookIn } from './detect-page.ts';
import { locateOnPage, plainBorder, type OnPage } from './locate.ts';
import { rotateRaw, unrotateBox, type QuarterTurn } from './orient.ts';
import {
  cutsThroughText,
  keptPlan,
  outlineView,
  seeView,
  shownPart,
  type View,
  type ViewPlan,
} from './view.ts';
import {
  mapDetection,
  mapLook,
  doubtfullyUpright,
  recognised,
  surerThan,
  type Look,
  type SideDetection,
} from './side-detection.ts';
import { documentOutline, type Outline } from './vision/outline.ts';
import { readTextLines, type TextLines } from './vision/skew.ts';
import { cropRaw } from './vision/crop.ts';
import { timed, type StageListener } from './timing.ts';
import { toGray } from './vision/gray.ts';

/**
 * A first look at one side of a document. A card scanned on a large page is searched on its own
 * (text and faces are then big enough to read); results come back in page pixels. `located` is
 * where `locateOnPage` found the page on this image, when already asked.
 */
async function lookUpright(
  img: RawImage,
  engines: Engines,
  listener?: StageListener,
  located?: OnPage | null,
): Promise<Look> {
  const timings: Record<string, number> = {};
  const page =
    located !== undefined
      ? located
      : await timed(timings, 'locate', () => locateOnPage(img), listener);
  if (!page) {
    const look = await lookIn(img, engines, listener);
    Object.assign(look.seen.timings, timings);
    return look;
  }
  const dx = Math.floor(page.crop.x);
  const dy = Math.floor(page.crop.y);
  // The scan around the page, in the page's pixels: layout zones may reach past the cut.
  const around = { x: -dx, y: -dy, width: img.width, height: img.height };
  const look = await lookIn(await cropRaw(img, page.crop), engines, listener, around);
  Object.assign(look.seen.timings, timings);
  // The document's outline is its own bounds, not the cut's margin round them.
  return mapLook(look, (det) => ({
    ...mapDetection(det, (b) => ({ ...b, x: b.x + dx, y: b.y + dy }), true),
    outline: page.document,
  }));
}

/** A turn that cannot be read in time is the wrong way up, not a failed document. */
function wrongWayUp(e: unknown): null {
  if (isVkError(e) && (e.code === 'TIMEOUT' || e.code === 'OCR_FAILED')) return null;
  throw e;
}

/**
 * The first quarter turn under which the document's look passes `accept`, or null. Text lines
 * that run down the image leave only the two sideways turns, and lines that run across only the
 * half turn, each tried in full (a small card's MRZ may only read once the card is found and
 * enlarged; a licence upside down whose grey portrait the face model did not see reads by its
 * title); without lines, a turn is tried only when a face or a readable MRZ says it is the way
 * up.
 */
async function detectTurned(
  img: RawImage,
  engines: Engines,
  runs: TextLines['runs'],
  accept: (seen: SideDetection) => boolean,
  listener?: StageListener,
): Promise<SideDetection | null> {
  const turns: QuarterTurn[] =
    runs === 'down' ? [90, 270] : runs === 'across' ? [180] : [180, 90, 270];
  for (const angle of turns) {
    const turned = await rotateRaw(img, angle);
    // Lines of text, a face (front, data page) or a readable MRZ (back of a card) make it worth it.
    const worthTrying =
      runs !== null || (await engines.faces.detect(turned)).some((f) => f.score >= 0.5);
    if (!worthTrying && !(await findMrz(turned, engines.ocr))?.info) continue;
    const look = await lookUpright(turned, engines, listener).catch(wrongWayUp);
    if (!look || !accept(look.seen)) continue;
    const det = await look.finish().catch(wrongWayUp);
    if (det) {
      det.timings.orientation = angle;
      const back = mapDetection(det, (b) => unrotateBox(b, angle, img.width, img.height));
      return { ...back, turn: angle };
    }
  }
  return null;
}

/**
 * Looks upright first; when neither an MRZ nor a face turns up, the document may lie sideways
 * or upside down (photographed on a table, scanned the wrong way round): a face or a readable MRZ
 * after a quarter turn says which way is up, and the findings are turned back to the image.
 */
async function lookSquare(
  img: RawImage,
  engines: Engines,
  runs: TextLines['runs'],
  listener?: StageListener,
  located?: OnPage | null,
): Promise<Look> {
  const upright = await lookUpright(img, engines, listener, located);
  // Text running down the image is a document lying sideways: a face found upright anyway (the
  // face model sees faces at a quarter turn; an open booklet's facing page reads upright) must not
  // end the search for its MRZ, which reads only once the page is turned.
  const sideways = runs === 'down' && !upright.seen.mrz?.info;
  const known = recognised(upright.seen);
  // Lines running across leave one other way up, upside down, tried when only an unsure face
  // says this one is right (doubtfullyUpright).
  const doubtful = runs === 'across' && doubtfullyUpright(upright.seen);
  if (known && !sideways && !doubtful) return upright;
  const accept = doubtful
    ? (seen: SideDetection) => surerThan(seen, upright.seen)
    : known
      ? (seen: SideDetection) => !!seen.mrz?.info
      : recognised;
  const turned = await timed(
    {},
    'orient',
    () => detectTurned(img, engines, runs, accept, listener),
    listener,
  );
  // A turn is finished as soon as it is kept: one whose finders time out gives way to the next.
  return turned ? { seen: turned, finish: () => Promise.resolve(turned) } : upright;
}

/** Below this tilt (degrees) OCR and the band finders read the document as it is. */
const MIN_TILT = 1.5;

/**
 * Everything sensitive on one side. A document photographed at an angle is looked at upright
 * first: warped out of perspective when its outline is found, else turned by the tilt of its
 * text lines. It is searched there, and every finding is carried back onto the image as the
 * quadrilateral it is, so the black covers the field and not a square around it.
 */
export async function detectSide(
  img: RawImage,
  engines: Engines,
  listener?: StageListener,
): Promise<SideDetection> {
  const { gray } = await toGray(img, 800);
  const { skew, runs } = readTextLines(gray);
  const timings: Record<string, number> = {};
  // A scan (a plain border all round) is cut out of its page square instead (locateOnPage); the
  // outline is for photos, where the document lies on a table at a slant. A plain border out of
  // which no document stands is a photo too: a card on a plain dark table, with a shadow across
  // it or a thing lying beside it, was taken for a scan, and without its outline its MRZ was read
  // on the whole photo, too poorly to tell it was upside down (nothing at all blacked out).
  const plain = plainBorder(gray) !== null;
  const located = plain
    ? await timed(timings, 'locate', () => locateOnPage(img), listener)
    : undefined;
  // A file of a card's front and back side by side on plain paper is no photo in perspective:
  // the outline found there is one card's, and the view warped from it cut the other card's
  // portrait short. (A wide phone photo on a table, 20:9, has no plain border: its outline holds.)
  const photo = !located && !(plain && holdsTwoSides(img.width, img.height));
  const outline = photo
    ? await timed(timings, 'outline', () => documentOutline(img, skew), listener)
    : null;
  // Without an outline, or with one not the document's own (lookInOutline): turned by the
  // text's tilt, or as it lies.
  const tilted: ViewPlan | null = Math.abs(skew) >= MIN_TILT ? { kind: 'turned', skew } : null;
  const withoutOutline = () =>
    tilted
      ? lookInView(img, tilted, engines, runs, listener)
      : lookSquare(img, engines, runs, listener, located);
  const look =
    (outline && (await lookInOutline(img, outline, engines, listener))) ?? (await withoutOutline());
  const det = await look.finish();
  return { ...det, timings: { ...det.timings, ...timings } };
}

/**
 * A look in the view warped out of perspective from the outline, or null when that view shows
 * the outline was not the document's own.
 */
export async function lookInOutline(
  img: RawImage,
  outline: Outline,
  engines: Engines,
  listener?: StageListener,
): Promise<Look | null> {
  const plan = outlineView(outline, img);
  const view = await seeView(img, plan, true);
  // Warped from its own outline, a document's text lines run level. Leaning, one side of the
  // outline was another edge (a table's line beside the card, a portrait's frame): the view is
  // askew, and a card's MRZ read in it was cut into single lines (seed 19 nl-id-back-114-phone,
  // its MRZ left 95 % black), or the card cut off at its portrait.
  const { skew, runs } = readTextLines((await toGray(view.image, 800)).gray);
  if (Math.abs(skew) >= MIN_TILT) return null;
  const look = await lookThrough(img, view, engines, runs, listener, plan);
  // An outline found on part of the document (a card's print block, a shadow's edge) gives a
  // view whose edge cuts through its print: the rest of it, an MRZ's start, a BSN, stayed out
  // of sight. One a portrait fills is the portrait's own frame (a card on a table of its own
  // colour, half in a shadow): the names and the number beside it lay outside the view, unread.
  const cut = cutsThroughText(look.seen.lines, shownPart(plan));
  return cut || portraitFramed(look.seen, outline) ? null : look;
}

/** Whether a portrait found covers half the outline or more (a card's covers a fifth at most). */
function portraitFramed(det: SideDetection, outline: Outline): boolean {
  const frame: Shape = { type: 'polygon', points: [...outline.quad] };
  return det.findings.some(
    (f) =>
      f.kind === 'photo' &&
      !!f.shape &&
      coveredShare(frame, [{ type: 'polygon', points: [...f.shape] }]) >= 0.5,
  );
}

/** A look in the view of the image turned by its text's tilt, carried back onto the image. */
async function lookInView(
  img: RawImage,
  plan: ViewPlan,
  engines: Engines,
  runs: TextLines['runs'],
  listener?: StageListener,
): Promise<Look> {
  return lookThrough(img, await seeView(img, plan, true), engines, runs, listener, plan);
}

/** A look in `view`, upright, carried back onto the image through the view's map. */
async function lookThrough(
  img: RawImage,
  view: View,
  engines: Engines,
  runs: TextLines['runs'],
  listener: StageListener | undefined,
  plan: ViewPlan,
): Promise<Look> {
  const look = await lookSquare(view.image, engines, runs, listener);
  const quad = (b: Box) => quadThrough(view.toImage, b);
  const bounds = (b: Box) => polygonBounds(quad(b));
  return mapLook(look, (det) => ({
    ...mapDetection(det, bounds),
    findings: det.findings.map((f) => ({ ...f, box: bounds(f.box), shape: quad(f.box) })),
    lines: det.lines,
    view: keptPlan(plan, view, det.outline),
    timings: det.timings,
  }));
}
