import { boxArea, intersectBoxes, type Box } from '../../../../shared/regions.ts';
import type { OcrLine } from '../ocr/text.ts';

/**
 * Whether lines of clean print run across `box`: a field's value (a date, a number) read with
 * confidence, not the stray marks OCR makes of a picture or of holes. A finder that sees a
 * picture or a perforation there is seeing the print's texture, and must not black out fields.
 */
export function cleanPrintAcross(box: Box, lines: readonly OcrLine[], atLeast = 2): boolean {
  const printed = lines.filter((l) => {
    const overlap = boxArea(intersectBoxes(l.box, box));
    const chars = l.text.replace(/[^A-Za-z0-9]/g, '').length;
    return overlap >= 0.3 * boxArea(l.box) && chars >= 6 && l.confidence >= 70;
  });
  return printed.length >= atLeast;
}

/**
 * Whether words read with confidence lie across `box`: a face detector's "face" on a field's dates
 * and numbers (its box is small, so whole lines seldom lie across it, but their words do).
 */
export function cleanWordsAcross(box: Box, lines: readonly OcrLine[], atLeast = 2): boolean {
  const printed = lines
    .flatMap((l) => l.words)
    .filter((w) => {
      const chars = w.text.replace(/[^A-Za-z0-9]/g, '').length;
      return (
        boxArea(intersectBoxes(w.box, box)) >= 0.3 * boxArea(w.box) &&
        chars >= 4 &&
        w.confidence >= 80
      );
    });
  return printed.length >= atLeast;
}
