import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { VkError } from '../../../../shared/errors.ts';
import type { Limits } from '../../../../shared/limits.ts';
import { rgbaToRgb, type RawImage } from '../raw-image.ts';
import { shippedFile } from '../shipped.ts';
import { refuseRemovedImages } from './pdf-warnings.ts';
import { withTimeout } from '../timeout.ts';

/** Scanner resolution we render at: text and MRZ read well, an A4 page stays ~9 MP. */
const RENDER_DPI = 300;
const PT_PER_INCH = 72;
const MM_PER_PT = 25.4 / PT_PER_INCH;
const MAX_RENDER_STEPS = 150;

// pdf.js reads its font and colour data from the shipped package, never from a URL.
const PDFJS_DIR = path.dirname(shippedFile('pdfRenderer'));
const dataDir = (name: string) => path.join(PDFJS_DIR, name) + path.sep;

async function open(bytes: Buffer, limits: Limits): Promise<PDFDocumentProxy> {
  // pdf.js is large: loaded only when a PDF arrives.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js may detach the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    // Images past the pixel limit are dropped undecoded (and the file refused, below); the
    // canvas is capped at the same size: a bomb inside a PDF meets the limits a photo meets.
    maxImageSize: limits.maxPixels,
    canvasMaxAreaInBytes: limits.maxPixels * 4,
    standardFontDataUrl: dataDir('standard_fonts'),
    cMapUrl: dataDir('cmaps'),
    iccUrl: dataDir('iccs'),
    wasmUrl: dataDir('wasm'),
    // Warnings on: the decoding thread listens for "image removed" (see pdf-warnings.ts).
    verbosity: 1,
  });
  try {
    return await withTimeout(task.promise, limits.stepTimeoutMs);
  } catch (e) {
    void task.destroy();
    if (e instanceof VkError) throw e;
    if ((e as Error)?.name === 'PasswordException') throw new VkError('PDF_ENCRYPTED');
    throw new VkError('CORRUPT_FILE');
  }
}

async function renderPage(pdf: PDFDocumentProxy, n: number, limits: Limits): Promise<RawImage> {
  // A damaged page tree (one that points at itself, say) fails here, as a damaged file.
  const page = await pdf.getPage(n).catch(() => {
    throw new VkError('CORRUPT_FILE');
  });
  // The viewport applies the page's /Rotate, so the image is as a PDF viewer shows it.
  const { width: wPt, height: hPt } = page.getViewport({ scale: 1 });
  const widthMm = Math.round(wPt * MM_PER_PT);
  const heightMm = Math.round(hPt * MM_PER_PT);
  if (Math.max(widthMm, heightMm) > limits.maxPageMm || Math.min(wPt, hPt) < 1)
    throw new VkError('PAGE_TOO_LARGE', { widthMm, heightMm, limitMm: limits.maxPageMm });
  const fit = Math.sqrt(limits.maxPixels / (wPt * hPt));
  const scale = Math.min(RENDER_DPI / PT_PER_INCH, fit);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const factory = pdf.canvasFactory as {
    create(w: number, h: number): { canvas: unknown; context: CanvasRenderingContext2D };
    destroy(c: { canvas: unknown; context: unknown }): void;
  };
  const target = factory.create(width, height);
  const task = page.render({
    canvas: target.canvas as HTMLCanvasElement,
    canvasContext: target.context,
    viewport,
    background: '#ffffff',
  });
  // pdf.js calls back between chunks of about a thousand operators and between 15 ms slices of
  // drawing: a page past this many is no scan (a scanned page takes a few dozen).
  let steps = 0;
  task.onContinue = (next: () => void) => {
    if (++steps > MAX_RENDER_STEPS) task.cancel();
    else next();
  };
  try {
    await withTimeout(task.promise, limits.stepTimeoutMs);
    refuseRemovedImages(limits.maxPixels);
    const rgba = target.context.getImageData(0, 0, width, height).data;
    return {
      data: rgbaToRgb(rgba),
      width,
      height,
      dpi: Math.round(scale * PT_PER_INCH),
    };
  } catch (e) {
    task.cancel();
    if (e instanceof VkError) throw e;
    if (steps > MAX_RENDER_STEPS)
      throw new VkError('TOO_COMPLEX', { seconds: Math.round(limits.pageTimeoutMs / 1000) });
    throw new VkError('CORRUPT_FILE');
  } finally {
    factory.destroy(target);
    page.cleanup();
  }
}

/**
 * Each page of a scanned PDF as an image (front, back, …), rendered with pdf.js. Nothing of the
 * PDF itself travels further: only these pixels. Encrypted files, absurd page counts and page
 * sizes are refused before any page is drawn.
 */
export async function renderPdfPages(
  bytes: Buffer,
  limits: Limits,
  onPage: () => void = () => undefined,
): Promise<RawImage[]> {
  const pdf = await open(bytes, limits);
  try {
    if (pdf.numPages < 1) throw new VkError('CORRUPT_FILE');
    if (pdf.numPages > limits.maxPages)
      throw new VkError('TOO_MANY_PAGES', { pages: pdf.numPages, limit: limits.maxPages });
    const pages: RawImage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      onPage();
      pages.push(await renderPage(pdf, n, limits));
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}
