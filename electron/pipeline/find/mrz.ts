import { mrzLineScore, normalizeMrzLines, parseMrz, type MrzInfo } from '../../../shared/mrz.ts';
import { unionBoxes, type Box } from '../../../shared/regions.ts';
import type { OcrEngine } from '../ocr/engine.ts';
import type { RawImage } from '../raw-image.ts';
import { cropForOcr, fromCrop } from '../vision/crop.ts';
import type { Gray } from '../vision/gray.ts';
import { locateMrzCandidates } from './mrz-locate.ts';

export interface MrzFinding {
  /** The whole band, in image pixels. */
  box: Box;
  lines: string[];
  info: MrzInfo | null;
}

/** Legacy tesseract reads OCR-B best at about this many pixels per line. */
const TARGET_LINE_PX = 40;
const MAX_CANDIDATES = 4;

function looksLikeMrz(lines: string[], info: MrzInfo | null): boolean {
  if (info?.valid) return true;
  if (info?.format === 'DL1') return true;
  const fillers = lines.join('').split('<').length - 1;
  return lines.length >= 2 && lines.every((l) => l.length >= 26) && fillers >= 4;
}

function rank(f: MrzFinding): number {
  return (f.info?.valid ? 10 : 0) + (f.info ? 3 : 0) + f.lines.length;
}

/**
 * Finds and reads the MRZ: geometry proposes bands, the legacy OCR engine with the MRZ alphabet
 * reads each crop, the `mrz` package checks it. A band that reads as MRZ is returned even when
 * its check digits fail, so it is blacked out whatever the reading quality.
 */
export async function findMrz(
  img: RawImage,
  gray: Gray,
  grayScale: number,
  ocr: OcrEngine,
): Promise<MrzFinding | null> {
  let best: MrzFinding | null = null;
  for (const candidate of locateMrzCandidates(gray).slice(0, MAX_CANDIDATES)) {
    const band = {
      x: candidate.band.x / grayScale,
      y: candidate.band.y / grayScale,
      width: candidate.band.width / grayScale,
      height: candidate.band.height / grayScale,
    };
    const lineHeight = band.height / candidate.lines.length;
    const crop = await cropForOcr(
      img,
      {
        x: band.x - 0.04 * band.width,
        y: band.y - 1.6 * lineHeight,
        width: band.width * 1.08,
        height: band.height + 3.2 * lineHeight,
      },
      Math.min(4, Math.max(0.5, TARGET_LINE_PX / lineHeight)),
    );
    const read = (await ocr.readMrz(crop.png)).filter((l) => mrzLineScore(l.text) >= 0.6);
    if (read.length === 0) continue;
    const lines = normalizeMrzLines(read.map((l) => l.text));
    const info = parseMrz(lines);
    if (!looksLikeMrz(lines, info)) continue;
    const finding = {
      box: unionBoxes([band, ...read.map((l) => fromCrop(crop, l.box))]),
      lines,
      info,
    };
    if (!best || rank(finding) > rank(best)) best = finding;
    if (info?.valid) break;
  }
  return best;
}
