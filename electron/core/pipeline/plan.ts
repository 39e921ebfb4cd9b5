import { evidenceOf, expectationWarnings, unfoundItems } from './expectation-warnings.ts';
import { printedLayoutFindings } from './printed-layout.ts';
import { identifyDocument, type DocumentIdentity } from '../../../shared/documents/identify.ts';
import type { MrzInfo } from '../../../shared/mrz.ts';
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
  /** Ghost images the document prints, or may print, not found: the spots to look in again. */
  ghostSpots: { side: number; spot: Box }[];
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
  'birth-date': 'begins with the birth date (Belgian national number)',
  'nl-pattern': 'Dutch document number pattern',
  'be-pattern': 'printed as a Belgian national number',
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
  // the faintest, and its strip is found short of them. Along a number lying level, over half its
  // line height: the reader's box can begin inside a first digit (a serif '1' set apart from the
  // rest), whose stroke then stayed readable beside the black.
  const line = Math.min(box.width, box.height);
  const down = box.height > box.width;
  const [along, across] = text
    ? [down ? box.height * 0.3 : line * 0.6, line * 0.3]
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
  const ghostSpots = unfoundItems(sides, identity, keep).flatMap(({ kind, side, spot }) =>
    kind === 'ghost_photo' && side !== null && spot ? [{ side, spot }] : [],
  );
  const mrz = sides.find((s) => s.mrz?.info)?.mrz?.info ?? null;
  return {
    regions,
    warnings,
    secrets,
    ghostSpots,
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
