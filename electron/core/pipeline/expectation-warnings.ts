import {
  expectedItems,
  type Expectation,
  type SideFacts,
} from '../../../shared/documents/expectations.ts';
import {
  holdsTwoSides,
  type DocumentIdentity,
  type SideEvidence,
} from '../../../shared/documents/identify.ts';
import { foldConfusables } from '../../../shared/numbers/ocr-confusion.ts';
import { quadThrough } from '../../../shared/homography.ts';
import {
  intersectBoxes,
  polygonBounds,
  unionBoxes,
  type Box,
  type RegionKind,
} from '../../../shared/regions.ts';
import type { Warning } from '../../../shared/warnings.ts';
import { SHAPE_ONLY, type Finding } from './find/finding.ts';
import { unrotateBox } from './orient.ts';
import type { SideDetection } from './side-detection.ts';

// What the sides showed against what the document should carry: the evidence that identifies it,
// and the warnings for every item missing, unread or only placed by a layout.

/** A portrait seen on the side itself (a zone a layout puts it in is no evidence of a face). */
function hasFace(det: SideDetection): boolean {
  return det.findings.some(
    (f) => f.kind === 'photo' && f.via !== 'mrz-geometry' && f.via !== 'layout',
  );
}

export function evidenceOf(det: SideDetection): SideEvidence {
  // A rectified view knows the document's own shape; the bounds of a tilted card on the image
  // are squarer (a licence at 5° measured as a passport page).
  const { width, height } = det.view?.kind === 'rectified' ? det.view.outline : det.outline;
  return {
    mrz: det.mrz?.info ?? null,
    face: hasFace(det),
    text: det.lines.map((l) => l.text).join('\n'),
    aspect: width > 0 && height > 0 ? Math.max(width, height) / Math.min(width, height) : null,
  };
}

/**
 * On a card's front and back side by side, a "portrait" less than this share of a card's height:
 * an ID-1 card's portrait stands about 70 % of its height, its ghost image 35–45 %.
 */
const GHOST_HEIGHT = 0.45;

/**
 * Whether a face found on an image of both sides side by side is too small to be the portrait:
 * the face model missed a grey portrait and saw its ghost (a two-sided file of a Dutch card), and
 * the ghost, taken for the portrait, ticked the checklist off with the face left readable and no
 * warning. Such a find does not show the portrait: it is asked for, and the person looks.
 */
function ghostSized(photo: Box, outline: Box): boolean {
  if (!holdsTwoSides(outline.width, outline.height)) return false;
  return photo.height < GHOST_HEIGHT * Math.min(outline.width, outline.height);
}

/**
 * Whether a finding shows the side's own item of its kind. With the document number known from
 * an MRZ whose number check holds, a number found by its shape alone that reads as another one
 * is something else printed there: on a German temporary ID the number beside the portrait went
 * unread, a pattern found in the print above it ticked the checklist off, and the number stayed
 * readable without a warning.
 */
function showsItem(f: Finding, kind: RegionKind, det: SideDetection): boolean {
  if (f.kind !== kind) return false;
  if (kind === 'photo' && ghostSized(f.box, det.outline)) return false;
  const info = det.mrz?.info;
  const known = info?.numberValid ? info.documentNumber : null;
  if (kind !== 'document_number' || !SHAPE_ONLY.includes(f.via) || !known) return true;
  const fold = (t: string) => foldConfusables(t).replace(/</g, '');
  return !!f.secret && fold(f.secret) === fold(known);
}

/** A zone given as a share (0–1) of `outline`, in the outline's pixels. */
function inBox(zone: Box, outline: Box): Box {
  return {
    x: outline.x + zone.x * outline.width,
    y: outline.y + zone.y * outline.height,
    width: zone.width * outline.width,
    height: zone.height * outline.height,
  };
}

/** A zone given relative to the document's outline (0–1), in image pixels. */
function inOutline(zone: Box, det: SideDetection): Box {
  // A zone is a share of the document read upright; a document lying sideways or upside down
  // lies in its outline turned: the spot pointed at the other end of a card lying sideways.
  const share = det.turn ? unrotateBox(zone, det.turn, 1, 1) : zone;
  // A document seen at a slant is placed in its upright view and carried onto the image: placed
  // in the bounds of a card tilted by 20°, a Dutch card's number field was pointed at above the
  // number (varied seed 91 nl-id-front-39-phone).
  if (det.view?.kind === 'rectified')
    return polygonBounds(quadThrough(det.view.toImage, inBox(share, det.view.outline)));
  return inBox(share, det.outline);
}

const has = (det: SideDetection | undefined, kind: RegionKind) =>
  !!det?.findings.some((f) => showsItem(f, kind, det));

function factsOf(sides: readonly SideDetection[]): SideFacts[] {
  return sides.map((s) => ({
    face: hasFace(s),
    mrz: has(s, 'mrz'),
    pair: holdsTwoSides(s.outline.width, s.outline.height),
    // Two lines of 36 or 44: two of a TD1 card's three (30 each) would say nothing.
    twoLineMrz: s.mrz?.lines.length === 2 && s.mrz.lines.every((l) => l.length >= 36),
  }));
}

/** An item the document should carry that no finding shows, and where it is printed. */
export interface Unfound extends Expectation {
  /** Its zone on the image, when the layout places it on a side. */
  spot: Box | null;
}

/**
 * Every item the document should carry (or, `optional`, may carry) that was not found, with the
 * spot its layout prints it in. Items the recipient keeps readable are not looked for.
 */
export function unfoundItems(
  sides: readonly SideDetection[],
  identity: DocumentIdentity,
  keep: readonly RegionKind[],
): Unfound[] {
  return expectedItems(identity, factsOf(sides))
    .filter((item) => !keep.includes(item.kind))
    .filter((item) =>
      item.side === null
        ? !sides.some((s) => has(s, item.kind))
        : !has(sides[item.side], item.kind),
    )
    .map((item) => {
      const on = item.side === null ? null : sides[item.side];
      return { ...item, spot: item.zone && on ? inOutline(item.zone, on) : null };
    });
}

/**
 * Every item the document should carry and that was not found becomes a warning that says where
 * to look (one only some models print is not asked for); so do an MRZ that could not be read, a
 * portrait on a document nobody recognised, and a side with nothing at all. Items the recipient
 * keeps readable are not asked for.
 */
export function expectationWarnings(
  sides: readonly SideDetection[],
  identity: DocumentIdentity,
  keep: readonly RegionKind[],
): Warning[] {
  const warnings: Warning[] = [];
  const facts = factsOf(sides);
  for (const item of unfoundItems(sides, identity, keep)) {
    if (item.optional) continue;
    const nlCardFrontOnly =
      item.kind === 'personal_number' &&
      item.side === null &&
      identity.country === 'NLD' &&
      identity.family === 'id_card' &&
      sides.length === 1;
    if (nlCardFrontOnly && facts[0]?.face) {
      warnings.push({ code: 'missing_bsn_back' });
      continue;
    }
    warnings.push({
      code: 'missing',
      kind: item.kind,
      side: item.side,
      spot: item.spot,
      country: identity.country,
    });
  }
  sides.forEach((s, side) => {
    // A band or zone extrapolated past the document's edge is pointed at where it lies on it.
    const on = (b: Box) => intersectBoxes(b, s.outline);
    // Placed by the layout, not seen: black where it should be, and the person looks.
    for (const f of s.findings)
      if ((f.via === 'layout' || f.via === 'mrz-geometry') && !keep.includes(f.kind))
        warnings.push({ code: 'placed', kind: f.kind, side, spot: on(f.box) });
    // An MRZ only seen in the page text (its reader made nothing of it: a document upside down)
    // is as unread as one whose check digits fail.
    const textMrz = s.findings.filter((f) => f.kind === 'mrz').map((f) => f.box);
    const mrzSpot = s.mrz?.box ?? (textMrz.length ? unionBoxes(textMrz) : null);
    if (mrzSpot && !s.mrz?.info?.valid)
      warnings.push({ code: 'mrz_unreadable', side, spot: on(mrzSpot) });
    if (identity.family === 'unknown' && facts[side]?.face)
      warnings.push({ code: 'unidentified', side });
  });
  if (identity.family === 'unknown' && !facts.some((f) => f.face || f.mrz))
    sides.forEach((_, side) => warnings.push({ code: 'no_document', side }));
  return warnings;
}
