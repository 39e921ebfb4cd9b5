import { printsGhost } from '../../../shared/documents/expectations.ts';
import { identifyDocument } from '../../../shared/documents/identify.ts';
import { pageAroundBand } from '../../../shared/documents/layouts.ts';
import { overlapRatio, type Box } from '../../../shared/regions.ts';
import { safetyMargin } from './burn.ts';
import type { Engines } from './engines.ts';
import { facesOffBarcodes, findBarcodes } from './find/barcodes.ts';
import type { Finding } from './find/finding.ts';
import type { FaceBox } from './find/faces.ts';
import { confirmMrz, findMrz, type MrzFinding } from './find/mrz.ts';
import { alongTextBands, mrzTextBands } from './find/mrz-text.ts';
import { findNumbers } from './find/numbers.ts';
import { findPerforations } from './find/perforation.ts';
import { secondLook } from './find/second-look.ts';
import { closerLook } from './find/closer-look.ts';
import { numberInOddPrint } from './find/odd-print.ts';
import { ghostsOffPrint, withTemplateGhost } from './find/ghost.ts';
import { withGhostFaces } from './find/ghost-faces.ts';
import { withTemplateGhostFaces } from './find/template-ghost-face.ts';
import { withCopiedPortraits, withUnsureFacesConfirmed } from './find/unsure-faces.ts';
import { withWidePageFaces } from './find/wide-page-faces.ts';
import { layoutFindings } from './find/layout-zones.ts';
import { licenceSecondPortraits } from './find/licence-portrait.ts';
import { keepClearOfText } from './find/clear-of-text.ts';
import { facesOffPrint, findPhotos } from './find/photo.ts';
import { redNumbers } from './find/red-print.ts';
import { tighterNumbers } from './find/tight-numbers.ts';
import { pageImage, readPageImage } from './ocr/page.ts';
import type { OcrLine } from './ocr/text.ts';
import type { RawImage } from './raw-image.ts';
import type { Look, SideDetection } from './side-detection.ts';
import { timed, type StageListener } from './timing.ts';
import { toGray } from './vision/gray.ts';

/**
 * Faces on the page (on a wide one, square by square too), an unsure one confirmed closer, a
 * ghost image's the page-wide look missed, and an unsure one whose ghost that is (beside the
 * OCR's wait).
 */
async function facesAndGhosts(img: RawImage, engines: Engines): Promise<FaceBox[]> {
  const faces = await withWidePageFaces(img, await engines.faces.detect(img), engines.faces);
  const confirmed = await withUnsureFacesConfirmed(img, faces, engines.faces);
  return withCopiedPortraits(img, await withGhostFaces(img, confirmed, engines.faces));
}

/**
 * Whether this side, as its MRZ or printed words tell it, is one that prints a ghost image. Told
 * only by its state's name (its small title unread in a shadow, on a Belgian eID), it is taken
 * for that state's identity card.
 */
function ghostPrinted(lines: readonly OcrLine[], mrz: MrzFinding | null): boolean {
  const text = lines.map((l) => l.text).join('\n');
  const told = identifyDocument([{ mrz: mrz?.info ?? null, face: false, text, aspect: null }]);
  return printsGhost(told.family === 'unknown' ? { ...told, family: 'id_card' } : told);
}

/**
 * Every finder on one upright image (a page, a card cut out of a scan, a view warped or turned
 * upright): the MRZ, faces and ghost images, numbers by every route, holes, barcodes, and what
 * the layout of a document identified by its MRZ puts where nothing was found. `around` is the
 * scan around a cut-out card, in its pixels (layout zones may reach past the cut).
 *
 * It comes in two parts. The first look (page text, MRZ, faces, portraits) tells whether this is
 * the way up and the view to keep; the rest (the number finders' further reads, holes, layout),
 * up to a few seconds on a photo, runs in `finish`, only for the view kept: on a document lying
 * sideways, the upright view's second look for its number alone took 1–3 s, all thrown away.
 */
export async function lookIn(
  img: RawImage,
  engines: Engines,
  listener?: StageListener,
  around: Box = { x: 0, y: 0, width: img.width, height: img.height },
): Promise<Look> {
  const timings: Record<string, number> = {};
  // The page text is the longest read, and most finders wait for it: it goes to its reader
  // before the face model and the barcode reader take the main thread (started beside them, the
  // page's image waited ~0.3 s for them to let go before it was handed over).
  const page = await pageImage(img);
  const text = timed(timings, 'text', () => readPageImage(page, engines.ocr), listener);
  // Heard at once (the finders below still get its error): a job stopped as its read starts
  // rejects it before they take it in, and a rejection unheard across the await below ended the
  // service's thread (Cancel in the app).
  text.catch(() => undefined);
  const { gray, scale } = await toGray(img, 1000);
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
      box: alongTextBands(m.box, textBands),
      confidence: m.info?.valid ? 0.99 : 0.8,
      via: m.info?.format ?? 'mrz',
      secret: m.lines.join(''),
    }));
  const templated = await withTemplateGhost(
    img,
    ghostsOffPrint(
      licenceSecondPortraits(
        findPhotos(facesOffPrint(facesOffBarcodes(faces, barcodes), lines), gray, scale),
        lines,
      ),
      lines,
    ),
    lines,
    ghostPrinted(lines, mrz),
  );
  const photos = await withTemplateGhostFaces(img, templated, lines, engines.faces);
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
  const outline = { x: 0, y: 0, width: img.width, height: img.height };
  const seen: SideDetection = { findings: [...findings], mrz, lines, outline, view: null, timings };
  const finish = async (): Promise<SideDetection> => {
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
      () =>
        redNumbers(
          img,
          [...findings, ...numbers, ...more, ...closer],
          known,
          engines.ocr,
          mrz?.info ? pageAroundBand(mrz.info.format, mrz.box) : null,
        ),
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
    const found = [...findings];
    const outside = [...numbers, ...more, ...closer, ...red, ...unread].filter(
      (n) => !avoid || overlapRatio(n.box, avoid) < 0.6,
    );
    found.push(...(await tighterNumbers(img, outside, engines.ocr)));
    found.push(
      ...(await timed(timings, 'perforation', () => findPerforations(img, lines), listener)),
    );
    found.push(...barcodes);
    // What OCR and the finders missed (a blurred number, holes, a faded portrait): where the
    // layout of a document identified by its MRZ puts it.
    if (mrz?.info) found.push(...layoutFindings(mrz.box, mrz.info, found, around, words, margin));
    return { ...seen, findings: found };
  };
  return { seen, finish };
}
