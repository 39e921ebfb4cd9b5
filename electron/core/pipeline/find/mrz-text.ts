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
  const bands: { boxes: Box[]; lines: string[] }[] = [];
  for (const l of hits) {
    const last = bands[bands.length - 1];
    const prev = last?.boxes[last.boxes.length - 1];
    const stacked =
      last && prev && l.box.y - (prev.y + prev.height) < 3 * Math.max(prev.height, l.box.height);
    if (stacked) {
      last.boxes.push(l.box);
      last.lines.push(l.text);
    } else bands.push({ boxes: [l.box], lines: [l.text] });
  }
  return bands.map((b) => ({ box: unionBoxes(b.boxes), lines: b.lines }));
}
