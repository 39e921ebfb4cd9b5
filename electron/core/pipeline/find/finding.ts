import type { MrzInfo } from '../../../../shared/mrz.ts';
import type { Quad } from '../../../../shared/homography.ts';
import type { Box, RegionKind } from '../../../../shared/regions.ts';

/** How a finding was found; each has its words for the report and the review list (plan.ts). */
export type FindingVia =
  | MrzInfo['format']
  | 'mrz'
  | 'mrz-value'
  | 'mrz-field'
  | 'mrz-text'
  | 'mrz-geometry'
  | 'label'
  | '11-proef'
  | 'mod-97'
  | 'birth-date'
  | 'nl-pattern'
  | 'be-pattern'
  | 'serial'
  | 'odd-print'
  | 'driving-licence'
  | 'licence-field-5'
  | 'licence-number'
  | 'perforation'
  | 'layout'
  | 'face'
  | 'template'
  | 'barcode';

/**
 * Numbers told by their shape alone, with no check digit, label or known value: another number
 * (or a garbled date) of that shape may be printed there.
 */
export const SHAPE_ONLY: readonly FindingVia[] = [
  'nl-pattern',
  'be-pattern',
  'serial',
  'odd-print',
];

/** Something a finder says must be hidden, before it becomes a Region. */
export interface Finding {
  kind: RegionKind;
  box: Box;
  confidence: number;
  /** How it was found ("MRZ value", "label", "11-proef"), for the report and the review list. */
  via: FindingVia;
  /**
   * The finding as it lies on a document that is tilted or seen in perspective: its rectangle's
   * corners on the image, whose bounds are `box`. Absent when it lies square to the image.
   */
  shape?: Quad;
  /** The hidden text, kept in memory only so the self-check can look for it in the output. */
  secret?: string;
  /**
   * A zone placed by the document's layout, generous already: not padded as a line of text
   * (padded by its own height, a BSN zone reached the dates beside it).
   */
  zone?: boolean;
}
