import type { OcrLine } from '../../electron/core/pipeline/ocr/text.ts';
import type { Box } from '../../shared/regions.ts';

/** Builds an OCR line from words laid out left to right at height y (10 px per character). */
export function line(y: number, ...words: string[]): OcrLine {
  let x = 10;
  const ws = words.map((text) => {
    const w = { text, box: { x, y, width: text.length * 10, height: 14 }, confidence: 90 };
    x += text.length * 10 + 8;
    return w;
  });
  return {
    text: words.join(' '),
    box: { x: 10, y, width: x - 18, height: 14 },
    words: ws,
    confidence: 90,
  };
}

/** An OCR line of one word, read in `box` (as the reader boxed it, tall with a tilt or not). */
export function oneWordLine(text: string, box: Box, confidence = 90): OcrLine {
  return { text, box, words: [{ text, box, confidence }], confidence };
}
