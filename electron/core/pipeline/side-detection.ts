import { readsAnyTitle } from '../../../shared/documents/identify.ts';
import type { Box } from '../../../shared/regions.ts';
import type { Finding } from './find/finding.ts';
import { SURE_FACE } from './find/photo.ts';
import type { MrzFinding } from './find/mrz.ts';
import type { OcrLine } from './ocr/text.ts';
import type { QuarterTurn } from './orient.ts';
import type { ViewPlan } from './view.ts';

// What detection found on one side, and the two things done with it as a whole while the
// document is searched (detect.ts): moved onto another frame, and judged the right way up.

export interface SideDetection {
  findings: Finding[];
  mrz: MrzFinding | null;
  /**
   * The page text read during detection (kept in memory for the self-check only), in the pixels
   * of the upright view when there is one (`view`), else of the image.
   */
  lines: OcrLine[];
  /** The document's outline: the card or page found on a scan, else the whole image. */
  outline: Box;
  /**
   * How the document was looked at upright when it does not lie square on the image (turned by
   * its text's tilt, or warped out of perspective); null when it does. Boxes are axis-aligned
   * bounds on the image; findings also carry their quadrilateral as `shape`.
   */
  view: ViewPlan | null;
  /**
   * The quarter turn (clockwise) under which the document read upright, after `view`: a document
   * lying sideways or upside down. Its `lines` stay in the unturned pixels.
   */
  turn?: QuarterTurn;
  /** Milliseconds per stage, for the report and the benchmark. */
  timings: Record<string, number>;
}

/**
 * A side as first seen (page text, MRZ, faces, portraits): enough to judge whether this view of
 * it is the one to keep. `finish` runs the rest of detection (the number finders' further reads,
 * holes, layout), the costly part, and is called only for the view kept.
 */
export interface Look {
  seen: SideDetection;
  finish: () => Promise<SideDetection>;
}

type BoxMap = (b: Box) => Box;

/**
 * The detection with every box moved by `f`. Only a shift keeps the MRZ's lines square to the
 * image (`shift`); after a turn they are dropped, and the numbers in a kept MRZ are then not
 * placed one by one (the whole MRZ stays covered).
 */
export function mapDetection(det: SideDetection, f: BoxMap, shift = false): SideDetection {
  const move = <T extends { box: Box }>(item: T): T => ({ ...item, box: f(item.box) });
  return {
    ...det,
    findings: det.findings.map(move),
    mrz: det.mrz
      ? { ...move(det.mrz), lineBoxes: shift ? det.mrz.lineBoxes?.map(f) : undefined }
      : null,
    outline: f(det.outline),
    lines: det.lines.map((l) => ({ ...move(l), words: l.words.map(move) })),
  };
}

/** The look with what it saw, and what it will find, carried onto another frame by `move`. */
export function mapLook(look: Look, move: (det: SideDetection) => SideDetection): Look {
  return { seen: move(look.seen), finish: async () => move(await look.finish()) };
}

/** Whether the document's title ("PASPOORT", "RIJBEWIJS", …) was read: it reads only upright. */
function titled(det: SideDetection): boolean {
  return det.lines.some((l) => readsAnyTitle(l.text));
}

/** The portraits found as faces (not placed by a layout or an MRZ). */
function faceFindings(det: SideDetection): Finding[] {
  return det.findings.filter((f) => f.kind === 'photo' && f.via === 'face');
}

/** The face model's score of the portrait found as a face, 0 when none was. */
function portraitScore(det: SideDetection): number {
  return Math.max(0, ...faceFindings(det).map((f) => f.confidence));
}

/**
 * Upright enough to trust: an MRZ that reads, or a face or the document's title beside plenty of
 * legible text. A title reads only the right way up; a licence lying sideways, its drawn portrait
 * not seen by the face model once turned, read perfectly and was still turned on (nothing at all
 * was blacked out).
 */
export function recognised(det: SideDetection): boolean {
  const legible = det.lines
    .flatMap((l) => l.words)
    .filter((w) => w.confidence >= 80 && w.text.length >= 3);
  const face = faceFindings(det).length > 0;
  return !!det.mrz?.info || ((face || titled(det)) && legible.length >= 6);
}

/**
 * Recognised on a face the model is unsure of alone, with no MRZ read and no title: print upside
 * down reads as junk, some of it surely ("934/934", "W/W", "ajeq" at 80–92), and a portrait
 * upside down may still score as one (varied seed 71 foreign-passport-14-phone: 0.36 upside
 * down, 0.9 the right way up). Taken for upright, its MRZ and numbers went unread and only the
 * two faces were blacked out.
 */
export function doubtfullyUpright(det: SideDetection): boolean {
  return recognised(det) && !det.mrz?.info && !titled(det) && portraitScore(det) < SURE_FACE;
}

/**
 * Whether `det`, the look under a turn, is more surely the right way up than `upright`, the look
 * as the document lies that was recognised only doubtfully: its MRZ or title reads, or its
 * portrait scores higher.
 */
export function surerThan(det: SideDetection, upright: SideDetection): boolean {
  if (!recognised(det)) return false;
  return !!det.mrz?.info || titled(det) || portraitScore(det) > portraitScore(upright);
}
