import type { Box } from '../../../../shared/regions.ts';

/** A recognised word, in the coordinates of the image handed to the finders. */
export interface OcrWord {
  text: string;
  box: Box;
  confidence: number;
}

export interface OcrLine {
  text: string;
  box: Box;
  words: OcrWord[];
  confidence: number;
}
