import { unionBoxes, type Box } from '../../../../shared/regions.ts';
import type { Gray } from '../vision/gray.ts';
import {
  binarize,
  components,
  otsu,
  relativeDarkness,
  setShare,
  smearRows,
  splitLines,
} from '../vision/morphology.ts';

/** A band of 1–3 long, evenly spaced text lines that may be an MRZ, in gray-image pixels. */
export interface MrzCandidate {
  band: Box;
  lines: Box[];
  score: number;
}

/**
 * Longer than this for its height is not a line of MRZ characters (44 at most, about as tall as
 * their pitch): the grain of a wooden table, a page's shadowed edge, a ruled line.
 */
const MAX_LINE_RATIO = 100;

/**
 * How much a bar is shaped like a row of MRZ characters, 0 to 1: not at all at 10 times as long
 * as high, fully from 25 (a row of 30 or more characters, a little thickened by blur).
 */
function rowLikeness(bar: Box): number {
  return Math.min(1, Math.max(0, (bar.width / bar.height - 10) / 15));
}

function isLongLine(box: Box, imageWidth: number): boolean {
  const ratio = box.width / box.height;
  return box.height >= 4 && ratio >= 9 && ratio <= MAX_LINE_RATIO && box.width >= imageWidth * 0.18;
}

function stacks(a: Box, b: Box): boolean {
  const h = (a.height + b.height) / 2;
  const gap = b.y - (a.y + a.height);
  const widthRatio = Math.min(a.width, b.width) / Math.max(a.width, b.width);
  return (
    gap >= -0.2 * h &&
    gap <= 3 * h &&
    Math.abs(a.x - b.x) <= 0.06 * Math.max(a.width, b.width) &&
    widthRatio >= 0.8 &&
    Math.min(a.height, b.height) / Math.max(a.height, b.height) >= 0.6
  );
}

/** Gray below this is solid black: a redaction, a dark table, a shadow, never paper. */
const SOLID = 40;

/**
 * Whether the bar is the edge of something solid rather than a line of print: the local darkness
 * a bar is found in marks only a dark area's rim, and a blacked-out region's top and bottom rims
 * are long thin bars. Print has paper above and below it; a rim has solid black on one side.
 * Reading such a rim as an MRZ, enlarged to its few pixels' height, cost the self-check seconds.
 */
function rimOfSolid(gray: Gray, bar: Box): boolean {
  const h = Math.max(2, bar.height);
  const solidShare = (y0: number) => {
    let solid = 0;
    let n = 0;
    for (let y = Math.max(0, y0); y < Math.min(gray.height, y0 + h); y++) {
      for (let x = bar.x; x < bar.x + bar.width; x++) {
        n++;
        if ((gray.data[y * gray.width + x] ?? 255) < SOLID) solid++;
      }
    }
    return n ? solid / n : 0;
  };
  return solidShare(bar.y - h) >= 0.9 || solidShare(bar.y + bar.height) >= 0.9;
}

/**
 * Ink over this share of a bar, before smearing, is a solid line: a ruled line, a stripe's edge,
 * the border of a coloured block. A row of characters has paper inside and between its letters:
 * 0.16–0.37 on the tuning corpus's MRZs, at most 0.72 on the real specimens' best bands; the
 * stripes of a photo with no document 1.0, each read as an MRZ for seconds once turned sideways.
 */
const SOLID_BAR = 0.9;

/**
 * Finds MRZ-like bands: dark text smeared into bars, long thin bars stacked 2–3 high with the
 * same left edge and width (single long lines are kept too, for one-line MRZs). Candidates are
 * confirmed by reading them; geometry alone only proposes.
 */
export function locateMrzCandidates(gray: Gray): MrzCandidate[] {
  // Relative to the paper around it: a shadow's edge across an MRZ otherwise cut its lines where
  // the shadow began, the print in the shadow too few levels darker than its paper to count.
  const dark = relativeDarkness(gray, 4, 4);
  const bin = binarize(dark, Math.max(30, otsu(dark)));
  const smeared = smearRows(bin, gray.width, gray.height, Math.max(3, Math.round(gray.width / 70)));
  const bars = components(smeared, gray.width, gray.height, 20)
    .filter((c) => c.box.width >= gray.width * 0.18)
    .flatMap((c) => splitLines(smeared, gray.width, c.box))
    .filter((b) => isLongLine(b, gray.width) && !rimOfSolid(gray, b))
    .filter((b) => setShare(bin, gray.width, b) <= SOLID_BAR)
    .sort((a, b) => a.y - b.y);

  const candidates: MrzCandidate[] = [];
  for (let i = 0; i < bars.length; i++) {
    const chain = [bars[i] as Box];
    for (let j = i + 1; j < bars.length && chain.length < 3; j++) {
      if (stacks(chain[chain.length - 1] as Box, bars[j] as Box)) chain.push(bars[j] as Box);
    }
    const band = unionBoxes(chain);
    // Lower on the page, wider, and with more lines as long for their height as a row of 30–44
    // characters is more MRZ-like: each line counts by its length for its height, as a security
    // print's pattern smears into bars two or three high across the page, short for their height.
    // Width counts twice: an MRZ spans its document, and three short lines of print (an open
    // booklet's facing page) otherwise outranked a two-line MRZ by their third line alone.
    const score =
      chain.reduce((sum, l) => sum + rowLikeness(l), 0) +
      (2 * band.width) / gray.width +
      (band.y + band.height) / gray.height;
    candidates.push({ band, lines: chain, score });
  }
  return candidates
    .filter(
      (c, i, all) =>
        !all.some(
          (o, j) =>
            j !== i && o.lines.length > c.lines.length && o.lines.includes(c.lines[0] as Box),
        ),
    )
    .sort((a, b) => b.score - a.score);
}
