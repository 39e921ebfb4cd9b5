// Writes the MRZ reader's language data (assets/tessdata/mrz/) from the English data in
// @tesseract.js-data: its legacy models only. The MRZ reader runs tesseract's legacy engine
// without dictionaries, yet the full file (23 MB) also carries the LSTM model and a 16 MB word
// bigram dictionary. tesseract.js writes the whole file into the worker's in-memory file system
// for tesseract to load, and a WebAssembly heap never shrinks: with the 1 MB cut a batch's peak
// RSS fell by about 75 MB (with the full file and the bigram dictionary left unloaded, not at all).
// Run after updating @tesseract.js-data: node --import tsx scripts/tessdata/make-mrz-language-data.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { COMPONENT, withoutComponents } from './traineddata.ts';

/** What the MRZ reader never loads: every dictionary but punctuation and numbers, and LSTM. */
export const UNUSED_BY_MRZ_READER = [
  COMPONENT.wordDawg,
  COMPONENT.freqDawg,
  COMPONENT.bigramDawg,
  COMPONENT.lstm,
  COMPONENT.lstmPuncDawg,
  COMPONENT.lstmWordDawg,
  COMPONENT.lstmNumberDawg,
  COMPONENT.lstmUnicharset,
  COMPONENT.lstmRecoder,
];

/** The English legacy+LSTM data as published in the npm package (uncompressed). */
export function publishedEnglish(): Uint8Array {
  const root = path.dirname(
    createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json'),
  );
  return gunzipSync(readFileSync(path.join(root, '4.0.0', 'eng.traineddata.gz')));
}

export const mrzLanguageData = (): Uint8Array =>
  withoutComponents(publishedEnglish(), UNUSED_BY_MRZ_READER);

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = new URL('../../assets/tessdata/mrz/eng.traineddata.gz', import.meta.url);
  const data = mrzLanguageData();
  writeFileSync(out, gzipSync(data, { level: 9 }));
  console.log(`MRZ language data written: ${data.byteLength} bytes`);
}
