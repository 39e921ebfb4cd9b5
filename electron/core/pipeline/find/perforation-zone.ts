import type { Box } from '../../../../shared/regions.ts';
import type { MrzInfo } from '../../../../shared/mrz.ts';

/**
 * The Dutch passport's document number is laser-perforated down the right edge of the data page.
 * When its holes are too blurred to be found, the layout still says where they are: from the MRZ
 * band (ICAO 9303 TD3: 44 characters over about 112 mm, starting 6 mm from the left edge of a
 * 125 × 88 mm page), the strip of the page's right 10 mm above the MRZ. Only for a passport whose
 * MRZ reads as Dutch with its check digits holding: the layout is known for that one.
 */
export function predictPerforationZone(
  mrzBand: Box,
  info: MrzInfo,
  imageWidth: number,
  imageHeight: number,
): Box | null {
  const dutchPassport =
    info.valid &&
    info.format === 'TD3' &&
    info.documentCode.startsWith('P') &&
    info.issuingState === 'NLD';
  if (!dutchPassport) return null;
  const mm = mrzBand.width / 111.8;
  const pageRight = mrzBand.x - 6 * mm + 125 * mm;
  const pageTop = mrzBand.y - 72 * mm;
  const x = Math.max(0, pageRight - 11 * mm);
  const y = Math.max(0, pageTop);
  const right = Math.min(imageWidth, pageRight + 1 * mm);
  const bottom = Math.min(imageHeight, mrzBand.y - 2 * mm);
  if (right <= x || bottom <= y) return null;
  return { x, y, width: right - x, height: bottom - y };
}
