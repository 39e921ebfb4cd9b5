import type { ErrorParams } from '../../../../shared/errors.ts';
import type { Limits } from '../../../../shared/limits.ts';

/** A decoded page as it crosses threads: the pixel buffer is transferred, never copied. */
export interface WirePage {
  data: ArrayBuffer;
  width: number;
  height: number;
  dpi: number | null;
}

export type ToDecoder = { id: number; bytes: ArrayBuffer; limits: Limits };

export type FromDecoder =
  /** Sent as each page starts: the caller's stall timer restarts, so long files are not cut off. */
  | { id: number; type: 'page' }
  | { id: number; type: 'done'; pages: WirePage[] }
  | { id: number; type: 'error'; code: string; params: ErrorParams };
