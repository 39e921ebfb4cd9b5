import type { Box, RegionKind } from '../../../../shared/regions.ts';
import type { MrzFinding } from './mrz.ts';

/** Character ranges [line, from, to) of the numbers inside each MRZ format (ICAO 9303). */
const FIELDS: Record<string, { kind: RegionKind; line: number; from: number; to: number }[]> = {
  // Line 2: document number + check digit; personal number + check digit.
  TD3: [
    { kind: 'document_number', line: 1, from: 0, to: 10 },
    { kind: 'personal_number', line: 1, from: 28, to: 43 },
  ],
  TD2: [
    { kind: 'document_number', line: 1, from: 0, to: 10 },
    { kind: 'personal_number', line: 1, from: 28, to: 35 },
  ],
  // Line 1: document number + check digit, then optional data (the BSN on Dutch cards);
  // line 2: more optional data.
  TD1: [
    { kind: 'document_number', line: 0, from: 5, to: 15 },
    { kind: 'personal_number', line: 0, from: 15, to: 30 },
    { kind: 'personal_number', line: 1, from: 18, to: 29 },
  ],
};

/**
 * Where the numbers sit inside a read MRZ, for a recipient that keeps the MRZ readable but not
 * the numbers in it. Null when the characters cannot be placed (format unknown, lines not seen
 * one by one): then the whole MRZ must stay covered.
 */
export function mrzNumberBoxes(
  mrz: MrzFinding,
  keep: readonly RegionKind[],
): { kind: RegionKind; box: Box }[] | null {
  const fields = FIELDS[mrz.info?.format ?? ''];
  if (!fields || !mrz.lineBoxes || mrz.lineBoxes.length !== mrz.lines.length) return null;
  const out: { kind: RegionKind; box: Box }[] = [];
  for (const f of fields) {
    if (keep.includes(f.kind)) continue;
    const line = mrz.lines[f.line];
    const box = mrz.lineBoxes[f.line];
    if (!line || !box) return null;
    const pitch = box.width / line.length;
    out.push({
      kind: f.kind,
      box: {
        x: box.x + f.from * pitch,
        y: box.y,
        width: (f.to - f.from) * pitch,
        height: box.height,
      },
    });
  }
  return out;
}
