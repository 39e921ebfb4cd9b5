import { boxToRect, type Box, type Region, type RegionKind } from '../../shared/regions.ts';

/** A region over `box` on the first side, as detection (or, for `manual`, a person) drew it. */
export function regionOver(box: Box, kind: RegionKind = 'manual'): Region {
  return {
    id: kind,
    kind,
    shape: { type: 'rect', rect: boxToRect(box) },
    source: kind === 'manual' ? 'manual' : 'auto',
    confidence: 1,
    label: '',
    side: 0,
  };
}
