import { createRequire } from 'node:module';
import path from 'node:path';
import { programRoot } from './program-root.ts';

const require = createRequire(import.meta.url);

/**
 * Files the pipeline reads at run time from npm packages that ship with the app: language data,
 * models, wasm and the watermark font. In the installed app these packages sit in
 * `app.asar.unpacked` (electron-builder's `asarUnpack`), because native code (libvips, wasm
 * loaders) cannot read inside the asar archive; the installer test checks each one is there.
 */
export const SHIPPED_FILES = {
  font: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  letterFont: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  barcodeWasm: 'zxing-wasm/full/zxing_full.wasm',
  ocrEnglish: '@tesseract.js-data/eng/package.json',
  faceDetector: '@vladmandic/human',
  tfjsWasm: '@tensorflow/tfjs-backend-wasm/package.json',
  pdfRenderer: 'pdfjs-dist/package.json',
} as const;

/**
 * Files of this program's own `assets/` the pipeline reads at run time; in the installed app they
 * too sit in `app.asar.unpacked` (`files` and `asarUnpack` in electron-builder.yml).
 */
export const SHIPPED_ASSETS = {
  /** The MRZ reader's language data: English legacy models only (scripts/tessdata/). */
  mrzLanguageData: 'assets/tessdata/mrz/eng.traineddata.gz',
} as const;

/** The same path outside the archive (a no-op when running from source). */
export function outsideAsar(file: string): string {
  return file.replace(/\.asar([\\/])/, '.asar.unpacked$1');
}

/** Where a shipped file is on disk. */
export function shippedFile(name: keyof typeof SHIPPED_FILES): string {
  return outsideAsar(require.resolve(SHIPPED_FILES[name]));
}

/** Where one of this program's shipped assets is on disk. */
export function shippedAsset(name: keyof typeof SHIPPED_ASSETS): string {
  return outsideAsar(path.join(programRoot(), SHIPPED_ASSETS[name]));
}
