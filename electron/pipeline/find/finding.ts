import type { Box, RegionKind } from '../../../shared/regions.ts';

/** Something a finder says must be hidden, before it becomes a Region. */
export interface Finding {
  kind: RegionKind;
  box: Box;
  confidence: number;
  /** How it was found ("MRZ value", "label", "11-proef"), for the report and the review list. */
  via: string;
  /** The hidden text, kept in memory only so the self-check can look for it in the output. */
  secret?: string;
}
