import type { Box } from '../../../../shared/regions.ts';
import type { OcrLine } from '../ocr/text.ts';

/**
 * Whether lines of clean print run across `box`: a field's value (a date, a number) read with
 * confidence, not the stray marks OCR makes of a picture or of holes. A finder that sees a
 * picture or a perforation there is seeing the print's texture, and must not black out fields.
 */
export function cleanPrintAcross(box: Box, lines: readonly OcrLine[], atLeast = 2): boolean {
  const printed = lines.filter((l) => {
    const overlap =
      Math.max(0, Math.min(l.box.x + l.box.width, box.x + box.width) - Math.max(l.box.x, box.x)) *
      Math.max(0, Math.min(l.box.y + l.box.height, box.y + box.height) - Math.max(l.box.y, box.y));
    const chars = l.text.replace(/[^A-Za-z0-9]/g, '').length;
    return overlap >= 0.3 * l.box.width * l.box.height && chars >= 6 && l.confidence >= 70;
  });
  return printed.length >= atLeast;
}
