import path from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { VkError } from '../../../../shared/errors.ts';
import type { Box } from '../../../../shared/regions.ts';
import { shippedAsset, shippedFile } from '../shipped.ts';
import { withTimeout } from '../timeout.ts';
import type { OcrLine } from './text.ts';

/**
 * Language data ships with the app. `langPath` must always be set: without it tesseract.js
 * downloads from a CDN. The page reader (LSTM only) loads the npm package's "4.0.0_best_int": the
 * LSTM model without the legacy one reads the same text, starts in half the time and holds about
 * 75 MB less. The MRZ reader loads the package's legacy models alone (assets/tessdata/mrz, made by
 * scripts/tessdata/): the full file's LSTM model and 16 MB word bigram dictionary it never uses
 * held about 70 MB of a batch's peak.
 */
function languageDataPath(kind: Kind): string {
  return kind === 'page'
    ? path.join(path.dirname(shippedFile('ocrEnglish')), '4.0.0_best_int')
    : path.dirname(shippedAsset('mrzLanguageData'));
}

const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

interface Tbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const toBox = (b: Tbox): Box => ({ x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 });

type Kind = 'page' | 'mrz';

/** Tesseract's thresholding methods: one Otsu threshold for the image, or Sauvola's local one. */
const OTSU = '0';
const SAUVOLA = '2';

// Tesseract's own diagnostics ("Detected 32 diacritics") went to stdout, into the CLI's output.
const QUIET = { debug_file: '/dev/null' };

/**
 * Two long-lived tesseract workers: LSTM for the printed page, the legacy engine with an MRZ
 * whitelist for OCR-B lines (LSTM garbles `<<<` runs). Workers start once and are reused for
 * every document; a call that overruns its time limit restarts its worker.
 */
export class OcrEngine {
  private workers = new Map<Kind, Promise<Worker>>();
  private mrzTurn: Promise<unknown> = Promise.resolve();

  constructor(private readonly timeoutMs = 20_000) {}

  private async start(kind: Kind): Promise<Worker> {
    const options = {
      langPath: languageDataPath(kind),
      cacheMethod: 'none',
      gzip: true,
      errorHandler: () => undefined,
    };
    if (kind === 'page') {
      const w = await createWorker('eng', OEM.LSTM_ONLY, options);
      await w.setParameters({
        tessedit_pageseg_mode: PSM.SPARSE_TEXT,
        user_defined_dpi: '300',
        // Sauvola's local threshold instead of one Otsu threshold for the whole page: a phone
        // photo lit unevenly (a gradient across a pale document) otherwise reads as noise.
        thresholding_method: SAUVOLA,
        // No second reading of each unsure line as white print on black: an ID's print is dark
        // on light, and the second reading was about a seventh of the page reader's time. On 550
        // tuning images (four sets) the same images came out clean and over-redacted without it.
        tessedit_do_invert: '0',
        ...QUIET,
      });
      return w;
    }
    // No dictionaries (its language data carries none but punctuation and numbers): MRZ lines
    // are not words, and dictionary "corrections" break them.
    const w = await createWorker('eng', OEM.TESSERACT_ONLY, options);
    await w.setParameters({
      tessedit_char_whitelist: MRZ_ALPHABET,
      tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
      user_defined_dpi: '300',
      ...QUIET,
      // The legacy engine adapts to what it read before; a document must not depend on the last.
      classify_enable_learning: '0',
    });
    return w;
  }

  private worker(kind: Kind): Promise<Worker> {
    let w = this.workers.get(kind);
    if (!w) {
      w = this.start(kind);
      this.workers.set(kind, w);
    }
    return w;
  }

  /** Starts both workers now; one that fails is dropped, to be started again when used. */
  async warm(): Promise<void> {
    await Promise.all(
      (['page', 'mrz'] as const).map((kind) =>
        this.worker(kind).then(
          () => undefined,
          () => void this.workers.delete(kind),
        ),
      ),
    );
  }

  private async run<T>(kind: Kind, work: (w: Worker) => Promise<T>): Promise<T> {
    const worker = await this.worker(kind);
    try {
      return await withTimeout(work(worker), this.timeoutMs);
    } catch (e) {
      // A stuck or crashed worker is replaced; the next call starts a fresh one.
      this.workers.delete(kind);
      void worker.terminate().catch(() => undefined);
      if (e instanceof VkError) throw e;
      throw new VkError('OCR_FAILED');
    }
  }

  /** Lines and words of a whole page image (PNG/JPEG bytes). */
  readPage(image: Buffer): Promise<OcrLine[]> {
    return this.run('page', (w) => recognizeLines(w, image));
  }

  /**
   * Lines of a cropped MRZ band, read with the MRZ alphabet only; spaces removed. `local`
   * thresholds each part of the crop by its own surroundings (Sauvola) instead of one threshold
   * for all of it: across the edge of a shadow, one threshold turns the shadowed half black. It
   * is not the default: on a small, dim MRZ it misread a character that one threshold read right.
   * MRZ reads take turns here (the worker reads one at a time anyway): tesseract.js posts a read
   * a moment after it is asked for, so another read could otherwise come between the switch to
   * the local threshold and its undoing.
   */
  async readMrz(image: Buffer, local = false): Promise<OcrLine[]> {
    const read = this.mrzTurn.then(() =>
      this.run('mrz', (w) => (local ? readThresholdedLocally(w, image) : recognizeLines(w, image))),
    );
    this.mrzTurn = read.catch(() => undefined);
    const lines = await read;
    return lines
      .map((l) => ({ ...l, text: l.text.replace(/\s+/g, '') }))
      .filter((l) => l.text.length > 0);
  }

  async close(): Promise<void> {
    const all = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(all.map(async (w) => (await w).terminate().catch(() => undefined)));
  }
}

async function readThresholdedLocally(worker: Worker, image: Buffer): Promise<OcrLine[]> {
  await worker.setParameters({ thresholding_method: SAUVOLA });
  const lines = await recognizeLines(worker, image);
  // A read that fails replaces the worker (see run), so the switch never outlives this read.
  await worker.setParameters({ thresholding_method: OTSU });
  return lines;
}

async function recognizeLines(worker: Worker, image: Buffer): Promise<OcrLine[]> {
  const { data } = await worker.recognize(image, {}, { blocks: true, text: false });
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        lines.push({
          text: line.text.trim(),
          box: toBox(line.bbox),
          confidence: line.confidence,
          words: line.words.map((w) => ({
            text: w.text,
            box: toBox(w.bbox),
            confidence: w.confidence,
          })),
        });
      }
    }
  }
  return lines;
}
