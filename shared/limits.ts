/** Hard limits on untrusted input, checked before any pixel is decoded. */
export interface Limits {
  maxBytes: number;
  maxPixels: number;
  /** Pages in one PDF: a scanner batch, never a whole book. */
  maxPages: number;
  /** Longest side of a PDF page in millimetres (an A3 scanner bed is 420 mm). */
  maxPageMm: number;
  /** Decoding one page (of a PDF, a TIFF, or a whole image): past this the decoder is stopped. */
  pageTimeoutMs: number;
  /** Heap of the decoding thread; a decoder that needs more is stopped. */
  decoderHeapMb: number;
  /** Per decoding/encoding step. */
  stepTimeoutMs: number;
  /** A whole analysis in the app: past this the job is stopped and the person told. */
  jobTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 60 * 1024 * 1024,
  // ~50 MP covers a 600-dpi A4 scan and every phone camera; a decompression bomb is far beyond it.
  maxPixels: 50_000_000,
  maxPages: 20,
  maxPageMm: 600,
  pageTimeoutMs: 15_000,
  decoderHeapMb: 512,
  stepTimeoutMs: 30_000,
  jobTimeoutMs: 180_000,
};
