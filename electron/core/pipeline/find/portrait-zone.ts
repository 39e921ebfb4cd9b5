import type { Box } from '../../../../shared/regions.ts';

/**
 * ICAO 9303 part 4: on a TD3 data page (125 × 88 mm) the portrait (zone V, up to 45 × 35 mm)
 * sits left, above the MRZ, whose 44 characters span about 112 mm from 6 mm off the left edge.
 * From the MRZ band alone this predicts where the portrait must be: a cross-check when no face
 * is found (an obscured, faded or missing photo).
 */
export function predictPortraitZone(
  mrzBand: Box,
  format: 'TD3' | 'TD2',
  imageWidth: number,
  imageHeight: number,
): Box {
  const mrzWidthMm = format === 'TD3' ? 111.8 : 91.4;
  const mm = mrzBand.width / mrzWidthMm;
  const left = mrzBand.x - 6 * mm + 3 * mm;
  const bottom = mrzBand.y - 4 * mm;
  const height = 45 * mm;
  const width = 37 * mm;
  const x = Math.max(0, left);
  const y = Math.max(0, bottom - height);
  return {
    x,
    y,
    width: Math.min(imageWidth - x, width),
    height: Math.min(imageHeight - y, bottom - y),
  };
}
