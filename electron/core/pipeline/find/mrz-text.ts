import { unionBoxes, type Box } from '../../../../shared/regions.ts';
import type { OcrLine } from '../ocr/text.ts';

const DOTTED_DATE = /\d{2}\.\d{2}\.\d{2,4}/;

/**
 * Page OCR (the LSTM engine) reads an MRZ line with its fillers as '<', '«' or a run of 'K's and
 * splits it into words. What still gives it away: a line of the MRZ alphabet with '<<' in it, or
 * one unbroken run of 20+ capitals and digits holding at least six digits (no printed word or
 * number on an ID is that long), two of them misread as marks at most (a '7' in shadow read as
 * '/' left a Belgian card's second MRZ line unseen).
 */
export function looksLikeMrzText(text: string): boolean {
  const clean = text.replace(/\s/g, '').replace(/«/g, '<<').toUpperCase();
  // A dotted date is print ("3. 13.05.2005" on a licence); an MRZ writes dates as YYMMDD.
  if (clean.length < 12 || DOTTED_DATE.test(text)) return false;
  const alphabet = [...clean].filter((c) => /[A-Z0-9<]/.test(c)).length / clean.length;
  if (clean.includes('<<') && alphabet >= 0.8) return true;
  return text
    .toUpperCase()
    .split(/\s+/)
    .some(
      (t) =>
        t.length >= 20 &&
        (t.match(/[^A-Z0-9<]/g) ?? []).length <= 2 &&
        (t.match(/\d/g) ?? []).length >= 6,
    );
}

export interface MrzTextBand {
  box: Box;
  lines: string[];
}

/**
 * Lines of the page text that look like an MRZ, joined into bands (lines stacked within three
 * line heights of each other: an MRZ's first and last lines still make one band when the line
 * between them was misread, and the band then covers it). A safety net beside the band locator:
 * it finds MRZs that morphology missed (small scans, clutter), and in the self-check any MRZ
 * still readable in the output.
 */
export function mrzTextBands(lines: readonly OcrLine[]): MrzTextBand[] {
  const hits = lines.filter((l) => looksLikeMrzText(l.text)).sort((a, b) => a.box.y - b.box.y);
  const bands: OcrLine[][] = [];
  for (const l of hits) {
    const last = bands[bands.length - 1];
    const prev = last?.[last.length - 1]?.box;
    const stacked =
      last && prev && l.box.y - (prev.y + prev.height) < 3 * Math.max(prev.height, l.box.height);
    if (stacked) last.push(l);
    else bands.push([l]);
  }
  return bands.map((b) => {
    const members = withContinuations(withAlignedLines(b, lines), lines).sort(
      (x, y) => x.box.y - y.box.y,
    );
    return { box: unionBoxes(members.map((l) => l.box)), lines: members.map((l) => l.text) };
  });
}

/**
 * Share of an MRZ line's characters (spaces left out) a misread one still shows in the MRZ
 * alphabet: capitals, digits and '<', as printed (a label upper-cased would pass).
 */
const MRZ_ALPHABET_SHARE = 0.8;

/**
 * The band's lines with those just above and below that line up with them as MRZ lines do (as
 * wide, the same left edge) and are still mostly of its alphabet: a Dutch card's first MRZ line,
 * half in shadow, read as `I<NLDGAPSFXVM71327 S0lSEaSSSS==` (no '<<', no run of 20) and stayed
 * readable, its document number with it, beside the band of the two lines below.
 */
function withAlignedLines(band: readonly OcrLine[], lines: readonly OcrLine[]): OcrLine[] {
  const members = [...band];
  const pitch = Math.max(...band.map((l) => l.box.height));
  const aligned = (l: OcrLine, box: Box) => {
    const clean = l.text.replace(/\s/g, '');
    const share = [...clean].filter((c) => /[A-Z0-9<]/.test(c)).length / Math.max(1, clean.length);
    const gap = Math.max(box.y - (l.box.y + l.box.height), l.box.y - (box.y + box.height));
    return (
      !members.includes(l) &&
      clean.length >= 20 &&
      share >= MRZ_ALPHABET_SHARE &&
      gap < 1.5 * pitch &&
      Math.abs(l.box.x - box.x) < 2 * pitch &&
      l.box.width >= 0.8 * box.width
    );
  };
  for (;;) {
    const box = unionBoxes(members.map((l) => l.box));
    const next = lines.find((l) => aligned(l, box));
    if (!next) return members;
    members.push(next);
  }
}

/** A line's rest, split off by the reader, starts within this many line heights of its end. */
const SPLIT_GAP = 2;
/** …and has at least this many characters: a few marks are not the rest of a line. */
const REST_CHARS = 8;

/**
 * The band's lines with what the reader split off their right ends: on a tilted phone photo the
 * page reader cut an MRZ line where it sloped down a line height, and read its rest as a line of
 * its own, beside the band and too garbled to pass as MRZ (`201 1335235BU3<cccccepg`, fillers read
 * as c's); the black stopped two-thirds along and the rest (a date, the personal number) stayed
 * readable. Nothing is printed after an MRZ line on its baseline: a line of about its height that
 * begins where one ends, level with it within a line height, is its rest.
 */
function withContinuations(band: readonly OcrLine[], lines: readonly OcrLine[]): OcrLine[] {
  const members = [...band];
  const continues = (l: OcrLine, m: OcrLine) => {
    const end = m.box.x + m.box.width;
    const h = m.box.height;
    const level = Math.abs(l.box.y + l.box.height / 2 - (m.box.y + h / 2)) < h;
    return (
      l.box.x >= end - h &&
      l.box.x - end < SPLIT_GAP * h &&
      level &&
      l.box.height >= 0.6 * h &&
      l.box.height <= 1.6 * h &&
      l.text.replace(/\s/g, '').length >= REST_CHARS
    );
  };
  for (;;) {
    const next = lines.find((l) => !members.includes(l) && members.some((m) => continues(l, m)));
    if (!next) return members;
    members.push(next);
  }
}

/**
 * An MRZ's box reaching along its rows as far as the page text read MRZ lines on them: the band
 * reader's box of a passport photographed at a slant started two characters in, and "KB", the
 * document number's start, stayed readable (varied seed 89 nl-passport-18-phone). Only along the
 * rows: the box's height stays the band reader's (page text read as MRZ above it is another
 * line, an expiry), and only by lines it overlaps.
 */
export function alongTextBands(box: Box, bands: readonly MrzTextBand[]): Box {
  let x0 = box.x;
  let x1 = box.x + box.width;
  for (const band of bands) {
    const middle = band.box.y + band.box.height / 2;
    if (middle < box.y || middle > box.y + box.height) continue;
    // The same lines: overlapping along the rows (another document's MRZ beside it is not).
    if (band.box.x > box.x + box.width || band.box.x + band.box.width < box.x) continue;
    x0 = Math.min(x0, band.box.x);
    x1 = Math.max(x1, band.box.x + band.box.width);
  }
  return { ...box, x: x0, width: x1 - x0 };
}
