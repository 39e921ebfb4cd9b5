import { documentKind, expectedItems } from '../../shared/documents/expectations.ts';
import type { MrzInfo } from '../../shared/mrz.ts';
import {
  boxToRect,
  type Box,
  overlapRatio,
  polygonBounds,
  shapeToPolygon,
  type Region,
  type RegionKind,
} from '../../shared/regions.ts';
import type { Warning } from '../../shared/warnings.ts';
import type { SideDetection } from './detect.ts';

export interface DocumentInfo {
  kind: ReturnType<typeof documentKind> | 'unknown';
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

const LABELS: Record<string, string> = {
  'mrz-value': 'matches the MRZ',
  label: 'next to its label',
  '11-proef': 'passes the 11-proef',
  'mod-97': 'passes the mod-97 check',
  'nl-pattern': 'Dutch document number pattern',
  'driving-licence': 'BSN before licence number',
  face: 'face found',
  template: 'small copy of the portrait',
  'mrz-geometry': 'predicted from the MRZ position',
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
  const dx = text ? box.height * 0.35 : portrait ? 0 : size * 0.02;
  const dy = text ? box.height * 0.3 : portrait ? 0 : size * 0.02;
  return { x: box.x - dx, y: box.y - dy, width: box.width + 2 * dx, height: box.height + 2 * dy };
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
  const [dx, dy] = box.width >= box.height ? [alongPad, acrossPad] : [acrossPad, alongPad];
  return { x: box.x - dx, y: box.y - dy, width: box.width + 2 * dx, height: box.height + 2 * dy };
}

/**
 * Turns findings into the regions the person reviews, drops kinds the recipient needs readable,
 * and says what the document should have carried but was not found.
 */
export function planRedaction(sides: readonly SideDetection[], keep: readonly RegionKind[]): Plan {
  const regions: Region[] = [];
  const secrets: Plan['secrets'] = [];
  sides.forEach((det, side) => {
    for (const f of det.findings) {
      if (f.secret) secrets.push({ kind: f.kind, value: f.secret, side });
      if (keep.includes(f.kind)) continue;
      const duplicate = regions.find(
        (r) =>
          r.side === side &&
          r.kind === f.kind &&
          overlapRatio(polygonBounds(shapeToPolygon(r.shape)), f.box) > 0.8,
      );
      if (duplicate) continue;
      regions.push({
        id: `${f.kind}-${side}-${regions.length + 1}`,
        kind: f.kind,
        shape: { type: 'rect', rect: boxToRect(padFinding(f.kind, f.box)) },
        source: 'auto',
        confidence: f.confidence,
        label: LABELS[f.via] ?? f.via,
        side,
      });
    }
  });

  const mrzSide = sides.findIndex((s) => s.mrz?.info);
  const mrz = mrzSide >= 0 ? (sides[mrzSide]?.mrz?.info ?? null) : null;
  const warnings: Warning[] = [];
  const found = (kind: RegionKind) => sides.some((s) => s.findings.some((f) => f.kind === kind));

  if (!found('mrz') && !found('photo')) {
    sides.forEach((_, side) => warnings.push({ code: 'no_document', side }));
  }
  sides.forEach((s, side) => {
    if (s.mrz && !s.mrz.info?.valid) warnings.push({ code: 'mrz_unreadable', side });
  });
  if (mrz) {
    for (const item of expectedItems(mrz, sides.length)) {
      if (found(item.kind)) continue;
      if (item.kind === 'personal_number' && item.onBack && sides.length === 1)
        warnings.push({ code: 'missing_bsn_back' });
      else warnings.push({ code: 'missing', kind: item.kind, side: null });
    }
  }
  return {
    regions,
    warnings,
    secrets,
    document: {
      kind: mrz ? documentKind(mrz) : 'unknown',
      mrzFormat: mrz?.format ?? null,
      issuingState: mrz?.issuingState ?? null,
      mrzValid: mrz?.valid ?? false,
    },
  };
}
