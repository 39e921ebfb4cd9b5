import {
  applyHomography,
  composeHomographies,
  invertHomography,
  quadThrough,
  type Quad,
} from '../../../shared/homography.ts';
import {
  boxToRect,
  growAlongAcross,
  rectCorners,
  growShape,
  middleOf,
  polygonBounds,
  scaleBox,
  type Point,
  shapeToPolygon,
  type Box,
  type Region,
  type RegionKind,
  type Shape,
} from '../../../shared/regions.ts';
import { gridInside, pointInPolygon } from '../../../shared/shapes.ts';
import type { SideDetection } from './side-detection.ts';
import { safetyMargin } from './burn.ts';
import { burnedAsPaper } from './burned-paper.ts';
import { seeView } from './view.ts';
import type { Engines } from './engines.ts';
import { SHAPE_ONLY, type Finding } from './find/finding.ts';
import { findMrz } from './find/mrz.ts';
import { mrzTextBands } from './find/mrz-text.ts';
import type { FaceBox } from './find/faces.ts';
import { facesOffBarcodes } from './find/barcodes.ts';
import { cleanWordsAcross, sureDateIn } from './find/clean-print.ts';
import { findNumbers, type KnownValues } from './find/numbers.ts';
import { keepClearOfText } from './find/clear-of-text.ts';
import { tighterNumbers } from './find/tight-numbers.ts';
import { growFaceToPortrait } from './find/portrait-border.ts';
import { PAGE_LONG_SIDE, pageImage, readPageImage } from './ocr/page.ts';
import type { OcrLine } from './ocr/text.ts';
import type { Plan } from './plan.ts';
import { quarterTurnedBack, rotateRaw, turnedLines } from './orient.ts';
import type { RawImage } from './raw-image.ts';
import { cropForOcr } from './vision/crop.ts';
import { toGray } from './vision/gray.ts';

/** Something sensitive the check could still read, and where. */
export interface LeakHit {
  kind: RegionKind;
  side: number;
  box: Box;
  /** On a document tilted or in perspective: the quadrilateral whose bounds are `box`. */
  shape?: Quad;
  /** What gave it away ("11-proef", "mrz-text", "face", …), for the report. */
  via: string;
}

export interface SelfCheckResult {
  ok: boolean;
  /** Kinds still readable in the output. */
  leaked: RegionKind[];
  hits: LeakHit[];
}

const NUMBER_KINDS: RegionKind[] = ['document_number', 'personal_number'];
/** A face the detector is this sure of is a portrait still showing. */
const FACE_SCORE = 0.5;
/** Share of a face's middle the burns' black from which it shows no face, on a grid this fine. */
const MIDDLE_BLACK = 0.9;
const MIDDLE_GRID = 16;
/** The burns' black, all three channels this dark at most (no portrait's shadow is). */
const INK_BLACK = 8;

/** Whether text seen at `box` lies under the regions. */
function covered(box: Box, polygons: readonly Point[][]): boolean {
  // Sample the inner 80 % along the text and the middle 40 % across it: OCR word boxes run a
  // little past the ink, and on a photo a word's box sometimes takes in the label printed above
  // it (a 65 px box on 20 px digits), whose row no region needs to cover.
  for (let i = 0; i <= 4; i++) {
    for (let j = 0; j <= 2; j++) {
      const p = {
        x: box.x + box.width * (0.1 + 0.8 * (i / 4)),
        y: box.y + box.height * (0.3 + 0.4 * (j / 2)),
      };
      if (!polygons.some((poly) => pointInPolygon(p, poly))) return false;
    }
  }
  return true;
}

/**
 * Everything in a page's text that must not be readable, on its own terms: MRZ-like lines, numbers
 * that pass the 11-proef or mod 97, Dutch document-number patterns, values next to their labels,
 * and the values detection read from the MRZ.
 */
export function sensitiveText(lines: readonly OcrLine[], known: KnownValues): Finding[] {
  const mrz: Finding[] = mrzTextBands(lines).map((b) => ({
    kind: 'mrz',
    box: b.box,
    confidence: 0.7,
    via: 'mrz-text',
  }));
  return [...mrz, ...findNumbers(lines, known)];
}

function knownValues(secrets: Plan['secrets']): KnownValues {
  const of = (kind: RegionKind) => secrets.filter((s) => s.kind === kind).map((s) => s.value);
  return { documentNumbers: of('document_number'), personalNumbers: of('personal_number') };
}

/**
 * Whether the middle of a face box, where eyes, nose and mouth are, is the burns' black on the
 * copy: the model saw a "face" in the black's own shape (a notch where a portrait's zone and the
 * black grown from its face overlap, scored 0.56), and the portrait "still showing" was blacked
 * out again over the names beside it. Sampled on a grid of the copy's own pixels.
 */
function blackAt(img: RawImage, face: Box): boolean {
  const onImage = gridInside(rectCorners(boxToRect(middleOf(face))), MIDDLE_GRID)
    .map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }))
    .filter((p) => p.x >= 0 && p.y >= 0 && p.x < img.width && p.y < img.height);
  const black = onImage.filter(({ x, y }) => {
    const at = (y * img.width + x) * 3;
    return Math.max(img.data[at] ?? 0, img.data[at + 1] ?? 0, img.data[at + 2] ?? 0) <= INK_BLACK;
  });
  return onImage.length > 0 && black.length >= MIDDLE_BLACK * onImage.length;
}

/**
 * Reads around each number region at twice the size: a half-covered number shows up here. The
 * regions are given in the pixels of the page read (the upright view of a tilted document), so
 * the crop runs along the number: the bounds of a tilted number on the image are a square whose
 * surroundings, grown by its "line height", took in half the page and cost seconds to read.
 */
async function numberRegionHits(
  page: RawImage,
  regions: readonly { kind: RegionKind; polygon: readonly Point[] }[],
  known: KnownValues,
  engines: Engines,
): Promise<{ kind: RegionKind; box: Box }[]> {
  const hits: { kind: RegionKind; box: Box }[] = [];
  for (const region of regions.filter((r) => NUMBER_KINDS.includes(r.kind))) {
    const b = polygonBounds(region.polygon);
    // Around the number by its line height, along it and across it, whichever way it runs: a
    // perforated number runs down the page, and its length taken for a line height made the
    // "surroundings" the whole page (any number on it then counted as this one still showing).
    const t = Math.min(b.width, b.height);
    const area = growAlongAcross(b, 2 * t, t);
    // Twice the size, but no larger than a page is read: a perforated number's surroundings at
    // twice the size were 1,300 × 3,400 px, and the page reader's memory grows to its largest
    // image and never shrinks.
    const crop = await cropForOcr(
      page,
      area,
      Math.min(2, PAGE_LONG_SIDE / Math.max(area.width, area.height)),
    );
    const found = findNumbers(await engines.ocr.readPage(crop.png), known);
    if (found.some((f) => f.via === 'mrz-value' || f.via === '11-proef' || f.via === 'mod-97'))
      hits.push({ kind: region.kind, box: b });
  }
  return hits;
}

/**
 * The printed portrait around each face still showing, as detection grows it (to its border,
 * clear of the print beside it): the black then covers the picture and not the name next to it.
 */
async function portraitsOf(
  img: RawImage,
  faces: readonly FaceBox[],
  lines: readonly OcrLine[],
  margin: number,
): Promise<Box[]> {
  if (faces.length === 0) return [];
  const { gray, scale } = await toGray(img, 1000);
  const words = lines.flatMap((l) => l.words);
  return faces.map((face) => {
    const grown = scaleBox(growFaceToPortrait(gray, scaleBox(face.box, scale)), 1 / scale);
    return keepClearOfText(grown, face.box, words, margin);
  });
}

/**
 * Proves the finished copy before it is called clean, without trusting detection: the output is
 * read again as an attacker would (page OCR, the MRZ reader, the face detector) and anything
 * sensitive still readable is a hit, whether or not detection had found it. Where detection's
 * own page text showed something sensitive, that place must lie under a region too. Kinds kept
 * on purpose are not looked for.
 */
export async function selfCheck(
  images: readonly RawImage[],
  regions: readonly Region[],
  secrets: Plan['secrets'],
  keep: readonly RegionKind[],
  engines: Engines,
  detections: readonly SideDetection[] = [],
): Promise<SelfCheckResult> {
  const known = knownValues(secrets.filter((s) => !keep.includes(s.kind)));
  const hits: LeakHit[] = [];
  for (const [side, img] of images.entries()) {
    const sideRegions = regions.filter((r) => r.side === side);
    const det = detections[side];
    // A document tilted or seen in perspective is read upright, as detection read it (OCR fails
    // on text at 10°); its page text and the regions are compared in that view's pixels.
    const view = det?.view ? await seeView(img, det.view) : null;
    // A document lying sideways or upside down is read turned upright too, as detection read it:
    // the page reader makes junk of print running down the page (a number left readable on a
    // sideways passport went unseen).
    const unturned = view?.image ?? img;
    const page = det?.turn ? await rotateRaw(unturned, det.turn) : unturned;
    const back = det?.turn ? quarterTurnedBack(det.turn, unturned.width, unturned.height) : null;
    const toImage =
      view && back ? composeHomographies(view.toImage, back) : (view?.toImage ?? back);
    // What the readers saw, in the page's pixels, onto the image.
    const add = (kind: RegionKind, box: Box, via: string) => {
      if (keep.includes(kind)) return;
      if (!toImage) return void hits.push({ kind, side, box, via });
      const shape = quadThrough(toImage, box);
      hits.push({ kind, side, box: polygonBounds(shape), shape, via });
    };
    const toView = toImage && invertHomography(toImage);
    const inView = (shape: Shape) =>
      shapeToPolygon(shape).map((p) => (toView ? applyHomography(toView, p) : p));
    const polygons = sideRegions.map((r) => inView(r.shape));
    const margin = safetyMargin(img.width, img.height);
    const lines = turnedLines(det?.lines ?? [], back);
    for (const f of sensitiveText(lines, known))
      if (!covered(f.box, polygons)) add(f.kind, f.box, `uncovered ${f.via}`);
    // Three readers of their own (page OCR, the MRZ reader, the face model), side by side; the
    // MRZ reader looks at the print alone (the burns as paper), and its bands wait for the page
    // text, to pass over what it read as plain print. The rereads around number regions
    // queue behind the page text on its reader, while the MRZ reader is still at work. The page
    // goes to its reader first, before the face model takes the main thread.
    const text = readPageImage(await pageImage(page), engines.ocr);
    const numbers = sideRegions.map((r, i) => ({ kind: r.kind, polygon: polygons[i] ?? [] }));
    const numberHits = numberRegionHits(page, numbers, known, engines);
    const print = burnedAsPaper(
      page,
      sideRegions.map((r, i) => ({
        inner: polygons[i] ?? [],
        cover: inView(growShape(r.shape, margin + 1)),
        around: inView(growShape(r.shape, margin + 4)),
      })),
    );
    const [reread, mrz, seen, aroundNumbers] = await Promise.all([
      text,
      findMrz(print, engines.ocr, text, true),
      engines.faces.detect(page),
      numberHits,
    ]);
    // A number's box swollen by print above or below it, read again on its own: its black grown
    // from the reader's box (60 px on 18 px digits of a Belgian card number, with no label read to
    // trim it) covered half the expiry printed under it.
    // A number seen by its shape alone where detection read a date surely is that date garbled.
    const found = sensitiveText(reread, known).filter(
      (f) => !(SHAPE_ONLY.includes(f.via) && sureDateIn(f.box, lines)),
    );
    for (const f of await tighterNumbers(page, found, engines.ocr)) add(f.kind, f.box, f.via);
    if (mrz) add('mrz', mrz.box, 'mrz-band');
    // A "face" on words the document's own reading found as clean print is the print (the dates
    // beside a blacked-out portrait can look like one). The copy's own text is not used (the
    // watermark runs across everything, a portrait still showing too).
    const barcodes = polygons
      .filter((_, i) => sideRegions[i]?.kind === 'barcode')
      .map((p) => ({ box: polygonBounds(p) }));
    const faces = facesOffBarcodes(seen, barcodes).filter(
      (f) => f.score >= FACE_SCORE && !cleanWordsAcross(f.box, lines) && !blackAt(page, f.box),
    );
    for (const portrait of await portraitsOf(page, faces, reread, margin))
      add('photo', portrait, 'face');
    for (const hit of aroundNumbers) add(hit.kind, hit.box, 'reread');
  }
  const leaked = [...new Set(hits.map((h) => h.kind))];
  return { ok: hits.length === 0, leaked, hits };
}
