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

/** A read's letters and digits alone: what is print in it, without punctuation and spaces. */
export function lettersAndDigits(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '');
}
