import { isVkError } from '../../../shared/errors.ts';
import { quadThrough } from '../../../shared/homography.ts';
import { overlapRatio, polygonBounds, type Box } from '../../../shared/regions.ts';
import { safetyMargin } from './burn.ts';
import type { Engines } from './engines.ts';
import { facesOffBarcodes, findBarcodes } from './find/barcodes.ts';
import type { Finding } from './find/finding.ts';
import { confirmMrz, findMrz, type MrzFinding } from './find/mrz.ts';
import { mrzTextBands } from './find/mrz-text.ts';
import { findNumbers } from './find/numbers.ts';
import { findPerforations } from './find/perforation.ts';
import { secondLook } from './find/second-look.ts';
import { closerLook } from './find/closer-look.ts';
import { numberInOddPrint } from './find/odd-print.ts';
import { ghostsOffPrint, withTemplateGhost } from './find/ghost.ts';
import { withGhostFaces } from './find/ghost-faces.ts';
import type { FaceBox } from './find/faces.ts';
import { layoutFindings } from './find/layout-zones.ts';
import { keepClearOfText } from './find/clear-of-text.ts';
import { findPhotos } from './find/photo.ts';
import { redNumbers } from './find/red-print.ts';
import { readPageText } from './ocr/page.ts';
import type { RawImage } from './raw-image.ts';
import { locateOnPage, plainBorder } from './locate.ts';
import { rotateRaw, unrotateBox, type QuarterTurn } from './orient.ts';
import { outlineView, seeView, type ViewPlan } from './view.ts';
import { mapDetection, recognised, type SideDetection } from './side-detection.ts';
import { documentOutline } from './vision/outline.ts';
import { readTextLines, type TextLines } from './vision/skew.ts';
import { cropRaw } from './vision/crop.ts';
import { timed, type StageListener } from './timing.ts';
import { toGray } from './vision/gray.ts';

/**
 * Everything sensitive on one side of a document. A card scanned on a large page is searched on
 * its own (text and faces are then big enough to read); results come back in page pixels.
 */
async function detectUpright(
  img: RawImage,
  engines: Engines,
  listener?: StageListener,
): Promise<SideDetection> {
  const timings: Record<string, number> = {};
  const page = await timed(timings, 'locate', () => locateOnPage(img), listener);
  if (!page) {
    const det = await detectIn(img, engines, listener);
    return { ...det, timings: { ...det.timings, ...timings } };
  }
  const dx = Math.floor(page.x);
  const dy = Math.floor(page.y);
  // The scan around the page, in the page's pixels: layout zones may reach past the cut.
  const around = { x: -dx, y: -dy, width: img.width, height: img.height };
  const det = await detectIn(await cropRaw(img, page), engines, listener, around);
  Object.assign(det.timings, timings);
  return mapDetection(det, (b) => ({ ...b, x: b.x + dx, y: b.y + dy }), true);
}

/**
 * The first quarter turn under which the document is recognised (with `needsMrz`, its MRZ read),
 * or null. Text lines that run down the image leave only the two sideways turns, each tried in
 * full (a small card's MRZ may only read once the card is found and enlarged); otherwise a turn
 * is tried only when a face or a readable MRZ says it is the way up.
 */
async function detectTurned(
  img: RawImage,
  engines: Engines,
  runs: TextLines['runs'],
  needsMrz: boolean,
  listener?: StageListener,
): Promise<SideDetection | null> {
  const turns: QuarterTurn[] =
    runs === 'down' ? [90, 270] : runs === 'across' ? [180] : [180, 90, 270];
  for (const angle of turns) {
    const turned = await rotateRaw(img, angle);
    // A face (front, data page) or a readable MRZ (back of a card) says which way is up.
    const worthTrying =
      runs === 'down' || (await engines.faces.detect(turned)).some((f) => f.score >= 0.5);
    if (!worthTrying && !(await findMrz(turned, engines.ocr))?.info) continue;
    // A turn that cannot be read in time is the wrong way up, not a failed document.
    const det = await detectUpright(turned, engines, listener).catch((e: unknown) => {
      if (isVkError(e) && (e.code === 'TIMEOUT' || e.code === 'OCR_FAILED')) return null;
      throw e;
    });
    if (det && (needsMrz ? !!det.mrz?.info : recognised(det))) {
      det.timings.orientation = angle;
      const back = mapDetection(det, (b) => unrotateBox(b, angle, img.width, img.height));
      return { ...back, turn: angle };
    }
  }
  return null;
}

/**
 * Detects upright first; when neither an MRZ nor a face turns up, the document may lie sideways
 * or upside down (photographed on a table, scanned the wrong way round): a face or a readable MRZ
 * after a quarter turn says which way is up, and the findings are turned back to the image.
 */
async function detectSquare(
  img: RawImage,
  engines: Engines,
  runs: TextLines['runs'],
  listener?: StageListener,
): Promise<SideDetection> {
  const upright = await detectUpright(img, engines, listener);
  // Text running down the image is a document lying sideways: a face found upright anyway (the
  // face model sees faces at a quarter turn; an open booklet's facing page reads upright) must not
  // end the search for its MRZ, which reads only once the page is turned.
  const sideways = runs === 'down' && !upright.mrz?.info;
  const known = recognised(upright);
  if (known && !sideways) return upright;
  const turned = await timed(
    {},
    'orient',
    () => detectTurned(img, engines, runs, known, listener),
    listener,
  );
  return turned ?? upright;
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
  // outline is for photos, where the document lies on a table at a slant.
  const photo = plainBorder(gray) === null;
  const outline = photo
    ? await timed(timings, 'outline', () => documentOutline(img, skew), listener)
    : null;
  const plan: ViewPlan | null = outline
    ? outlineView(outline, img)
    : Math.abs(skew) >= MIN_TILT
      ? { kind: 'turned', skew }
      : null;
  if (!plan) {
    const det = await detectSquare(img, engines, runs, listener);
    return { ...det, timings: { ...det.timings, ...timings } };
  }
  const view = await seeView(img, plan, true);
  // Warped upright, the text runs across or, on a document lying sideways, down the view.
  const viewRuns =
    plan.kind === 'rectified' ? readTextLines((await toGray(view.image, 800)).gray).runs : runs;
  const det = await detectSquare(view.image, engines, viewRuns, listener);
  const quad = (b: Box) => quadThrough(view.toImage, b);
  const bounds = (b: Box) => polygonBounds(quad(b));
  return {
    ...mapDetection(det, bounds),
    findings: det.findings.map((f) => ({ ...f, box: bounds(f.box), shape: quad(f.box) })),
    lines: det.lines,
    view: plan,
    timings: { ...det.timings, ...timings },
  };
}

/** Faces on the page, and a ghost image's the page-wide look missed (beside the OCR's wait). */
async function facesAndGhosts(img: RawImage, engines: Engines): Promise<FaceBox[]> {
  const faces = await engines.faces.detect(img);
  return withGhostFaces(img, faces, engines.faces);
}

async function detectIn(
  img: RawImage,
  engines: Engines,
  listener?: StageListener,
  around: Box = { x: 0, y: 0, width: img.width, height: img.height },
): Promise<SideDetection> {
  const timings: Record<string, number> = {};
  const { gray, scale } = await toGray(img, 1000);
  const text = timed(timings, 'text', () => readPageText(img, engines.ocr), listener);
  const [banded, lines, faces, barcodes] = await Promise.all([
    timed(timings, 'mrz', () => findMrz(img, engines.ocr, text), listener),
    text,
    timed(timings, 'faces', () => facesAndGhosts(img, engines), listener),
    timed(timings, 'barcodes', () => findBarcodes(img), listener),
  ]);

  const textBands = mrzTextBands(lines);
  const mrz = await timed(timings, 'mrz', () => confirmMrz(img, banded, textBands, engines.ocr));
  // Only a valid reading rules out the band reader's other find: an unchecked one may be wrong.
  const mrzFinds = new Set(mrz?.info?.valid ? [mrz] : [mrz, banded]);
  const findings: Finding[] = [...mrzFinds]
    .filter((m): m is MrzFinding => m !== null)
    .map((m) => ({
      kind: 'mrz',
      box: m.box,
      confidence: m.info?.valid ? 0.99 : 0.8,
      via: m.info?.format ?? 'mrz',
      secret: m.lines.join(''),
    }));
  const photos = await withTemplateGhost(
    img,
    ghostsOffPrint(findPhotos(facesOffBarcodes(faces, barcodes), gray, scale), lines),
    lines,
  );
  const words = lines.flatMap((l) => l.words);
  // The portrait yields its edge to the name beside it, by the burn's margin on the whole image
  // too; a ghost keeps its frame (faint, generously framed, OCR reads stray words across it).
  const margin = safetyMargin(around.width, around.height);
  findings.push(
    ...photos.map((p) => ({
      kind: p.kind,
      box: p.kind === 'photo' ? keepClearOfText(p.box, p.face, words, margin) : p.box,
      confidence: p.confidence,
      via: p.via,
    })),
  );
  // Page text that reads as MRZ where no band was found (small scans, clutter).
  for (const band of textBands) {
    if (mrz && overlapRatio(band.box, mrz.box) > 0.5) continue;
    findings.push({
      kind: 'mrz',
      box: band.box,
      confidence: 0.7,
      via: 'mrz-text',
      secret: band.lines.join(''),
    });
  }
  const known = {
    documentNumbers: mrz?.info?.documentNumber ? [mrz.info.documentNumber] : [],
    personalNumbers: mrz?.info?.personalNumbers ?? [],
  };
  const numbers = findNumbers(lines, known);
  const avoid = mrz?.box ?? null;
  const more = await timed(
    timings,
    'second-look',
    () => secondLook(img, lines, [...findings, ...numbers], known, engines.ocr, avoid),
    listener,
  );
  const closer = await timed(
    timings,
    'closer-look',
    () => closerLook(img, lines, [...numbers, ...more], known, engines.ocr),
    listener,
  );
  const red = await timed(
    timings,
    'red-print',
    () => redNumbers(img, [...numbers, ...more, ...closer], known, engines.ocr),
    listener,
  );
  const unread = await timed(
    timings,
    'odd-print',
    () =>
      numberInOddPrint(
        img,
        engines.ocr,
        lines,
        [...findings, ...numbers, ...more, ...closer, ...red],
        known,
      ),
    listener,
  );
  // Numbers inside the MRZ band are covered by it already.
  findings.push(
    ...[...numbers, ...more, ...closer, ...red, ...unread].filter(
      (n) => !avoid || overlapRatio(n.box, avoid) < 0.6,
    ),
  );
  findings.push(
    ...(await timed(timings, 'perforation', () => findPerforations(img, lines), listener)),
  );
  findings.push(...barcodes);
  // What OCR and the finders missed (a blurred number, holes, a faded portrait): where the
  // layout of a document identified by its MRZ puts it.
  if (mrz?.info) findings.push(...layoutFindings(mrz.box, mrz.info, findings, around));
  const outline = { x: 0, y: 0, width: img.width, height: img.height };
  return { findings, mrz, lines, outline, view: null, timings };
}
