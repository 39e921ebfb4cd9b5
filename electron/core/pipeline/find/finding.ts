import type { Box, RegionKind, RotatedRect } from '../../../../shared/regions.ts';

/** Something a finder says must be hidden, before it becomes a Region. */
export interface Finding {
  kind: RegionKind;
  box: Box;
  confidence: number;
  /** How it was found ("MRZ value", "label", "11-proef"), for the report and the review list. */
  via: string;
  /**
   * The finding as it lies on a tilted document: a turned rectangle whose bounds are `box`.
   * Absent when it lies square to the image.
   */
  shape?: RotatedRect;
  /** The hidden text, kept in memory only so the self-check can look for it in the output. */
  secret?: string;
}
