import { expectedItems } from '../../../shared/documents/expectations.ts';
import { printedLayoutFindings } from './printed-layout.ts';
import {
  holdsTwoSides,
  identifyDocument,
  type DocumentIdentity,
  type SideEvidence,
} from '../../../shared/documents/identify.ts';
import type { MrzInfo } from '../../../shared/mrz.ts';
import { foldConfusables } from '../../../shared/numbers/ocr-confusion.ts';
import {
  boxArea,
  growAlongAcross,
  intersectBoxes,
  type Box,
  overlapRatio,
  polygonBounds,
  shapeToPolygon,
  type Region,
  type RegionKind,
  type Shape,
  unionBoxes,
} from '../../../shared/regions.ts';
import { grownShape } from '../../../shared/shapes.ts';
import type { Warning } from '../../../shared/warnings.ts';
import type { SideDetection } from './side-detection.ts';
import type { Finding, FindingVia } from './find/finding.ts';
import { mrzNumberBoxes } from './find/mrz-fields.ts';

export interface DocumentInfo {
  kind: DocumentIdentity['family'];
  mrzFormat: MrzInfo['format'] | null;
  issuingState: string | null;
  mrzValid: boolean;
}

export interface Plan {
  regions: Region[];
  warnings: Warning[];
  document: DocumentInfo;
  /** Hidden values per kind, in memory only, for the self-check. */
  secrets: { kind: RegionKind; value: string; side: number }[];
}

const LABELS: Record<FindingVia, string> = {
  TD1: 'MRZ (TD1)',
  TD2: 'MRZ (TD2)',
  TD3: 'MRZ (TD3)',
  DL1: 'MRZ (driving licence)',
  UNKNOWN: 'MRZ band',
  mrz: 'MRZ band',
  'mrz-value': 'matches the MRZ',
  label: 'next to its label',
  '11-proef': 'passes the 11-proef',
  'mod-97': 'passes the mod-97 check',
  'nl-pattern': 'Dutch document number pattern',
  serial: 'document number pattern (letters and digits)',
  'odd-print': 'number-like print read again where the number was missing',
  'driving-licence': 'BSN before licence number',
  face: 'face found',
  template: 'small copy of the portrait',
  'mrz-geometry': 'predicted from the MRZ position',
  'mrz-field': 'inside the MRZ',
  'mrz-text': 'MRZ lines in the page text',
  'licence-field-5': 'licence number (field 5)',
  'licence-number': 'licence number',
  perforation: 'perforated number',
  layout: 'where the layout puts it',
  barcode: 'machine-readable code',
};

/**
 * Breathing room around what OCR and the detectors report: their boxes hug the ink, and a region
 * should also swallow anti-aliased edges and a slightly misplaced box. Photos come with their
 * own border search and are kept clear of the text beside them (detect.ts): none here.
 */
export function padFinding(kind: RegionKind, box: Box): Box {
  if (kind === 'mrz') return padBand(box);
  const text = kind === 'document_number' || kind === 'personal_number';
  const portrait = kind === 'photo' || kind === 'ghost_photo';
  const size = Math.max(box.width, box.height);
  // Across a number, the margin follows its line height, its box's thinner side (on a document
  // lying sideways the number runs down: its length there blacked out the names beside it). Along
  // a number running down, the ends keep the wider margin: a perforated number's outer holes are
  // the faintest, and its strip is found short of them.
  const line = Math.min(box.width, box.height);
  const down = box.height > box.width;
  const [along, across] = text
    ? [down ? box.height * 0.3 : line * 0.35, line * 0.3]
    : portrait
      ? [0, 0]
      : [size * 0.02, size * 0.02];
  return growAlongAcross(box, along, across);
}

/** The finding's shape with its breathing room, along its own axes when it lies tilted. */
function paddedShape(f: Finding): Shape {
  return grownShape(f.box, f.shape, (b) => (f.zone ? b : padFinding(f.kind, b)));
}

/**
 * The MRZ band, lying either way (sideways scans). Along its lines it grows by a sixth of its
 * thickness at least: the band found by morphology can stop at the last glyph's body and leave
 * its edge (3-line card MRZs are the thickest).
 */
function padBand(box: Box): Box {
  const across = Math.min(box.width, box.height);
  const along = Math.max(box.width, box.height);
  const alongPad = Math.max(along * 0.012, across * 0.15);
  const acrossPad = across * 0.12;
  return growAlongAcross(box, alongPad, acrossPad);
}

/**
 * Turns findings into the regions the person reviews, drops kinds the recipient needs readable,
 * and says what the document should have carried but was not found.
 */
export function planRedaction(
  detected: readonly SideDetection[],
  keep: readonly RegionKind[],
): Plan {
  const identity = identifyDocument(detected.map(evidenceOf));
  // A document told by its print whose MRZ failed: its layout, placed from the outline, stands in.
  const sides = detected.map((det) => {
    const placed = printedLayoutFindings(det, identity);
    return placed.length > 0 ? { ...det, findings: [...det.findings, ...placed] } : det;
  });
  const regions: Region[] = [];
  const secrets: Plan['secrets'] = [];
  sides.forEach((det, side) => {
    for (const found of det.findings) {
      if (found.secret) secrets.push({ kind: found.kind, value: found.secret, side });
      const parts = keptMrzParts(found, det, keep);
      if (!parts && keep.includes(found.kind)) continue;
      for (const f of parts ?? [found]) {
        // A second find is a duplicate only when the region already holds it: one that reaches
        // past the first (a number read whole after a part of it) must add its own black.
        const duplicate = regions.find(
          (r) =>
            r.side === side &&
            r.kind === f.kind &&
            boxArea(intersectBoxes(polygonBounds(shapeToPolygon(r.shape)), f.box)) >=
              0.98 * boxArea(f.box),
        );
        if (duplicate) continue;
        regions.push({
          id: `${f.kind}-${side}-${regions.length + 1}`,
          kind: f.kind,
          shape: paddedShape(f),
          source: 'auto',
          confidence: f.confidence,
          label: LABELS[f.via],
          side,
        });
      }
    }
  });

  const warnings = expectationWarnings(sides, identity, keep);
  const mrz = sides.find((s) => s.mrz?.info)?.mrz?.info ?? null;
  return {
    regions,
    warnings,
    secrets,
    document: {
      kind: identity.family,
      mrzFormat: mrz?.format ?? null,
      issuingState: identity.country ?? mrz?.issuingState ?? null,
      mrzValid: mrz?.valid ?? false,
    },
  };
}

/**
 * A kept MRZ still hides the numbers in it, unless those are kept too: what to burn in its place.
 * Null when the MRZ is not kept (the usual rules apply). When the numbers cannot be placed in it
 * (format unknown, lines not seen one by one) the whole MRZ stays covered rather than leak one.
 */
function keptMrzParts(
  f: Finding,
  det: SideDetection,
  keep: readonly RegionKind[],
): Finding[] | null {
  if (f.kind !== 'mrz' || !keep.includes('mrz')) return null;
  if (keep.includes('document_number') && keep.includes('personal_number')) return [];
  const read = det.mrz && overlapRatio(f.box, det.mrz.box) >= 0.8 ? det.mrz : null;
  const boxes = read ? mrzNumberBoxes(read, keep) : null;
  if (!boxes) return [f];
  return boxes.map((b) => ({ kind: b.kind, box: b.box, confidence: 0.9, via: 'mrz-field' }));
}

/** A portrait seen on the side itself (a zone a layout puts it in is no evidence of a face). */
function hasFace(det: SideDetection): boolean {
  return det.findings.some(
    (f) => f.kind === 'photo' && f.via !== 'mrz-geometry' && f.via !== 'layout',
  );
}

function evidenceOf(det: SideDetection): SideEvidence {
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

/** Numbers told by their shape alone: another number of that shape may be printed there. */
const SHAPE_ONLY: readonly FindingVia[] = ['nl-pattern', 'serial', 'odd-print'];

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

/** A zone given relative to the outline (0–1), in image pixels. */
function inOutline(zone: Box, outline: Box): Box {
  return {
    x: outline.x + zone.x * outline.width,
    y: outline.y + zone.y * outline.height,
    width: zone.width * outline.width,
    height: zone.height * outline.height,
  };
}

/**
 * Every item the document should carry and that was not found becomes a warning that says where
 * to look; so do an MRZ that could not be read, a portrait on a document nobody recognised, and a
 * side with nothing at all. Items the recipient keeps readable are not asked for.
 */
function expectationWarnings(
  sides: readonly SideDetection[],
  identity: DocumentIdentity,
  keep: readonly RegionKind[],
): Warning[] {
  const warnings: Warning[] = [];
  const has = (det: SideDetection | undefined, kind: RegionKind) =>
    !!det?.findings.some((f) => showsItem(f, kind, det));
  const facts = sides.map((s) => ({
    face: hasFace(s),
    mrz: has(s, 'mrz'),
    pair: holdsTwoSides(s.outline.width, s.outline.height),
    // Two lines of 36 or 44: two of a TD1 card's three (30 each) would say nothing.
    twoLineMrz: s.mrz?.lines.length === 2 && s.mrz.lines.every((l) => l.length >= 36),
  }));
  for (const item of expectedItems(identity, facts)) {
    if (keep.includes(item.kind)) continue;
    const found =
      item.side === null ? sides.some((s) => has(s, item.kind)) : has(sides[item.side], item.kind);
    if (found) continue;
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
    const outline = item.side === null ? null : sides[item.side]?.outline;
    warnings.push({
      code: 'missing',
      kind: item.kind,
      side: item.side,
      spot: item.zone && outline ? inOutline(item.zone, outline) : null,
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
