import { mrzLineScore, normalizeMrzLines, parseMrz, type MrzInfo } from '../../../../shared/mrz.ts';
import { overlapRatio, scaleBox, unionBoxes, type Box } from '../../../../shared/regions.ts';
import type { OcrEngine } from '../ocr/engine.ts';
import type { OcrLine } from '../ocr/text.ts';
import type { RawImage } from '../raw-image.ts';
import { cropForOcr, fromCrop } from '../vision/crop.ts';
import { toGray } from '../vision/gray.ts';
import { expectedBand, lineBody, mrzWindow } from './mrz-lines.ts';
import { locateMrzCandidates } from './mrz-locate.ts';
import type { MrzTextBand } from './mrz-text.ts';
import { ordinaryPrintOn } from './ordinary-print.ts';

export interface MrzFinding {
  /** The whole band, in image pixels. */
  box: Box;
  lines: string[];
  info: MrzInfo | null;
  /** Each read line's box, in the order of `lines`, when the band reader saw them. */
  lineBoxes?: Box[];
}

/** Legacy tesseract reads OCR-B best at about this many pixels per line. */
const TARGET_LINE_PX = 40;
/**
 * Enlarged to 40 px a line, an MRZ's crop is at most about 2,700 px wide (44 characters about as
 * wide as high, and the crop's margins). A band wider for its height is other print and is read
 * no larger than this: the legacy engine's memory grows to the largest image it has read and
 * never shrinks, and a line of print 60 times as wide as high made crops of 4,000–5,000 px.
 */
const MAX_CROP_WIDTH = 3000;
const MAX_CANDIDATES = 4;

/** No MRZ line is longer (44 characters, and a few the reader may add or split off). */
const MAX_READ_LINE = 50;

/**
 * An unchecked reading counts as MRZ by its fillers as read: normalising pads short lines with
 * '<', so a line of ordinary print read in the MRZ alphabet would pass on padding alone. A line
 * longer than any MRZ line is a block of other print read in the MRZ alphabet (a card's data
 * lines in a typewriter face, read as 60 to 120 characters).
 */
function looksLikeMrz(read: string[], lines: string[], info: MrzInfo | null): boolean {
  if (info?.valid) return true;
  if (info?.format === 'DL1') return true;
  const fillers = read.join('').split('<').length - 1;
  return (
    lines.length >= 2 &&
    lines.every((l) => l.length >= 26) &&
    read.every((l) => l.length <= MAX_READ_LINE) &&
    fillers >= 4
  );
}

function rank(f: MrzFinding): number {
  return (f.info?.valid ? 10 : 0) + (f.info ? 3 : 0) + f.lines.length;
}

/**
 * MRZ bands proposed at two working sizes (large print merges into blobs at the fine size, small
 * print vanishes at the coarse one), in image pixels, best first.
 */
async function proposals(img: RawImage): Promise<{ band: Box; lines: number; height: number }[]> {
  const out: { band: Box; lines: number; height: number; score: number }[] = [];
  for (const size of [1000, 500]) {
    const { gray, scale } = await toGray(img, size);
    for (const c of locateMrzCandidates(gray).slice(0, MAX_CANDIDATES)) {
      const band = scaleBox(c.band, 1 / scale);
      const height = c.lines.reduce((sum, l) => sum + l.height, 0) / c.lines.length / scale;
      if (!out.some((o) => overlapRatio(o.band, band) > 0.7))
        out.push({ band, lines: c.lines.length, height, score: c.score });
    }
  }
  return out.sort((a, b) => b.score - a.score).slice(0, MAX_CANDIDATES + 1);
}

/**
 * Read again with the crop's grey at this percentile taken for white: an MRZ's characters are a
 * fifth of its crop at most, so the page under them, however grey, becomes paper. On a dim grey
 * photo the white margin otherwise drew the legacy engine's one threshold between the grey page
 * and the margin, and nothing read; on a visa's guilloche the first reading is the better one.
 */
const GREY_PAPER = 60;

/** A line read this long is print the reader made out, MRZ or not (an MRZ line has 30 to 44). */
const LEGIBLE_LINE = 20;

interface BandReading {
  finding: MrzFinding | null;
  /** Whether any line read was long enough to be print made out: its threshold held. */
  legible: boolean;
  /** Whether a run of fillers was read: an MRZ's mark, which ordinary print never shows. */
  fillers: boolean;
}

/** Reads the band enlarged so that each of its lines is `perLine` pixels of the image high. */
async function readAt(
  img: RawImage,
  band: Box,
  count: number,
  ocr: OcrEngine,
  perLine: number,
  paper = 99,
  alone = false,
  local = false,
): Promise<BandReading> {
  const lineHeight = band.height / count;
  // Generous: the proposal may hold 2 of 3 lines, or stop where a run of '<' begins.
  const area = {
    x: band.x - 0.1 * band.width,
    y: band.y - 2.2 * lineHeight,
    width: band.width * 1.45,
    height: band.height + 4.4 * lineHeight,
  };
  const scale = Math.min(4, Math.max(0.5, TARGET_LINE_PX / perLine), MAX_CROP_WIDTH / area.width);
  const crop = await cropForOcr(img, area, scale, paper, alone);
  const all = await ocr.readMrz(crop.png, local);
  const legible = all.some((l) => l.text.length >= LEGIBLE_LINE);
  const fillers = all.some((l) => l.text.includes('<<'));
  const read = mrzWindow(all.filter((l) => mrzLineScore(l.text) >= 0.6));
  if (read.length === 0) return { finding: null, legible, fillers };
  const raw = read.map((l) => l.text);
  const lines = normalizeMrzLines(raw);
  const info = parseMrz(lines);
  if (!looksLikeMrz(raw, lines, info)) return { finding: null, legible, fillers };
  const readBoxes = read.map((l) => ({ text: l.text, box: fromCrop(crop, lineBody(l)) }));
  const finding = {
    box: unionBoxes([...readBoxes.map((r) => r.box), expectedBand(readBoxes, lines)]),
    lines,
    info,
    lineBoxes: readBoxes.map((r) => r.box),
  };
  return { finding, legible, fillers };
}

/**
 * A band taller per line than this many times its lines' height has them spread wide apart (an
 * MRZ's are about 1.7: lines and the gaps between them); it is read again at its lines' height.
 */
const WIDE_SPACING = 2;

/**
 * Reads one proposed band with the legacy OCR engine and the MRZ alphabet, the `mrz` package
 * checking it. A band that reads as MRZ is returned even when its check digits fail, so it is
 * blacked out whatever the reading quality. The crop is enlarged by the band's height per line;
 * when a band of stacked lines reads as no line of print at all, it is read again on whitened
 * paper, then thresholded part by part, and then, when the locator measured lines much thinner
 * than the band per line (`textHeight`: a visa foil's lines stand three of their heights apart),
 * enlarged by their height. A band that reads as lines of other print is not: each look costs a
 * quarter to half a second, and on a document without an MRZ (and every self-check) most bands
 * are such print. Nor is one that the page text, when given, read as ordinary print: a card's
 * short fields (dates, a place) stacked in three lines read as no line long enough, and were
 * looked at three times over (0.8 s on an ID card's front).
 */
export async function readMrzBand(
  img: RawImage,
  band: Box,
  count: number,
  ocr: OcrEngine,
  textHeight?: number,
  pageText?: Promise<readonly OcrLine[]>,
): Promise<MrzFinding | null> {
  const perLine = band.height / count;
  const first = await readAt(img, band, count, ocr, perLine);
  // Fillers read, but no MRZ whose checks hold: part of it may lie in a shadow, which one
  // threshold for the whole crop turns black. Read again thresholded part by part.
  const localTried = first.fillers && !first.finding?.info?.valid;
  if (localTried) {
    const local = (await readAt(img, band, count, ocr, perLine, 99, false, true)).finding;
    if (local && (!first.finding || rank(local) > rank(first.finding))) return local;
  }
  // Stacked lines are an MRZ's shape: worth more looks when nothing read.
  if (first.finding || first.legible || count < 2) return first.finding;
  if (pageText && ordinaryPrintOn(band, await pageText)) return null;
  const onGrey = await readAt(img, band, count, ocr, perLine, GREY_PAPER);
  if (onGrey.finding) return onGrey.finding;
  // Still no print made out: the grey page whitened by the crop's own stretch (a card beside a
  // view's white fill stayed grey, and a BE eID's MRZ read "III").
  const whitened = onGrey.legible
    ? null
    : (await readAt(img, band, count, ocr, perLine, GREY_PAPER, true)).finding;
  if (whitened) return whitened;
  // Still nothing: the crop reaches off the document (a view's white fill past a card's edge, a
  // dark table), and one threshold for all of it took the whole card for ink. Thresholded part
  // by part (a large MRZ on a card photographed upside down read whole this way, and not at all
  // otherwise: nothing was blacked out).
  const local =
    onGrey.legible || localTried
      ? null
      : (await readAt(img, band, count, ocr, perLine, 99, false, true)).finding;
  if (local || !textHeight || perLine < WIDE_SPACING * textHeight) return local;
  return (await readAt(img, band, count, ocr, textHeight)).finding;
}

/**
 * Finds and reads the MRZ: geometry proposes bands, the best reading of them wins. Given the page
 * text being read at the same time, bands after the first (the likeliest, read at once) wait for
 * it, and those it read as ordinary print are passed over; the first is looked at again only when
 * it did not. With `firstWaits`, the first band waits too: on a copy whose MRZ is blacked out
 * (the self-check) the likeliest band left is other print, and reading it at once cost the MRZ
 * reader a quarter to half a second a side, beside the page reader on two cores.
 */
export async function findMrz(
  img: RawImage,
  ocr: OcrEngine,
  pageText?: Promise<readonly OcrLine[]>,
  firstWaits = false,
): Promise<MrzFinding | null> {
  let best: MrzFinding | null = null;
  for (const [i, { band, lines, height }] of (await proposals(img)).entries()) {
    const waits = i > 0 || firstWaits;
    if (waits && pageText && ordinaryPrintOn(band, await pageText)) continue;
    const finding = await readMrzBand(img, band, lines, ocr, height, pageText);
    if (finding && (!best || rank(finding) > rank(best))) best = finding;
    if (finding?.info?.valid) break;
  }
  return best;
}

/**
 * What of a band reading that the page text's MRZ reading outdid stays covered with it: all of it
 * where it lies elsewhere (a visa's guilloche misled the MRZ reader, which read a place the page
 * reader did not: both are covered); where it read the same band, its lines on the band's rows.
 * A line read with them is print: a passport's expiry above its MRZ, read as a card's first line,
 * swelled the MRZ's box by three lines, its black covered the expiry, and the layout placed from
 * it put the number's zone above the page.
 */
function coveredWith(read: MrzFinding, band: Box): Box[] {
  const onRows = (read.lineBoxes ?? []).filter(
    (b) => Math.min(b.y + b.height, band.y + band.height) - Math.max(b.y, band.y) >= b.height / 2,
  );
  return onRows.length > 0 ? onRows : [read.box];
}

/**
 * The MRZ as the band reader read it; when that holds no valid reading, the MRZ-like lines the
 * page text found are read again with the MRZ reader (geometry misses faint or cluttered bands
 * that page OCR still sees), the better reading winning; failing both, the page text's own lines
 * are parsed: even an unchecked parse gives the document number and personal number to look for,
 * and one on which more of the checks hold beats a reading on which fewer do.
 */
export async function confirmMrz(
  img: RawImage,
  banded: MrzFinding | null,
  bands: readonly MrzTextBand[],
  ocr: OcrEngine,
): Promise<MrzFinding | null> {
  let best = banded;
  for (const band of bands) {
    if (best?.info?.valid) return best;
    const reread = await readMrzBand(img, band.box, band.lines.length, ocr);
    if (reread && (!best || rank(reread) > rank(best))) best = reread;
  }
  if (best?.info?.valid) return best;
  for (const band of bands) {
    const lines = normalizeMrzLines(band.lines);
    const info = parseMrz(lines);
    if (!info || info.format === 'UNKNOWN') continue;
    // A band reading whose checks fail gives way to page text on which more of them hold (a
    // visa's guilloche garbles the MRZ reader, not the page reader).
    if (best?.info && (info.held ?? 0) <= (best.info.held ?? 0)) continue;
    const read = best?.info ? best : banded;
    return {
      box: unionBoxes([band.box, ...(read ? coveredWith(read, band.box) : [])]),
      lines,
      info,
    };
  }
  return best?.info ? best : banded;
}
