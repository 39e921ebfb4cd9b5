import type { OcrEngine } from '../../electron/core/pipeline/ocr/engine.ts';
import type { OcrLine } from '../../electron/core/pipeline/ocr/text.ts';
import type { RawImage } from '../../electron/core/pipeline/raw-image.ts';

/** A white page for finders that crop and read: what is read comes from the fake engine. */
export const blankPage: RawImage = {
  data: Buffer.alloc(1000 * 600 * 3, 255),
  width: 1000,
  height: 600,
  dpi: null,
};

/** A one-word OCR line at (x, y), 12 px a character, read with confidence 60. */
export function lineAt(text: string, x: number, y: number): OcrLine {
  const box = { x, y, width: 12 * text.length, height: 20 };
  return { text, box, words: [{ text, box, confidence: 60 }], confidence: 60 };
}

/** An OCR engine that reads `text` in any crop it is given, recording the crops' sizes. */
export function readingEngine(text: string): { ocr: OcrEngine; crops: number[] } {
  const crops: number[] = [];
  const ocr = {
    readPage: async (png: Buffer) => {
      crops.push(png.length);
      return [lineAt(text, 30, 30)];
    },
  } as unknown as OcrEngine;
  return { ocr, crops };
}
