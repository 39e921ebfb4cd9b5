import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { decodeRaw } from '../helpers/images.ts';
import { pdfImages } from '../helpers/pdf.ts';
import { passportPage } from '../synth/documents.ts';
import { blackCoverage } from '../synth/evaluate.ts';
import { randomHolder } from '../synth/holder.ts';
import { createRng } from '../synth/prng.ts';
import { control, openToSaveStep } from '../helpers/ui.ts';

/** The document `npm run demo` redacts, as a person would open it in the app. */
export const SAMPLE = path.resolve('assets/sample/specimen-nl-passport.jpg');

/**
 * The sample's sensitive fields, drawn again exactly as scripts/make-sample.ts drew the sample:
 * ground truth that owes nothing to the detection under test.
 */
async function sampleSecrets() {
  const holder = { ...randomHolder(createRng(2026)), surname: 'Voorbeeld', given: 'Sanne Maria' };
  return (await passportPage(holder, { mm: 10, seed: 7, country: 'NLD' })).secrets;
}

/**
 * The one path a smoke test walks, in Electron or in the Chromium harness: open the sample, take
 * the review as found, name a recipient, save. `chooseSavePath` makes the save dialog answer.
 */
export async function exportSample(page: Page, chooseSavePath: () => Promise<void>) {
  await openToSaveStep(page, SAMPLE, 'Rookproef', 120_000);
  await chooseSavePath();
  await control(page, 'save').click();
  await control(page, 'done').waitFor({ timeout: 120_000 });
}

/** Every sensitive field of the sample is opaque black in the exported PDF's image. */
export async function expectSampleRedacted(pdf: Uint8Array): Promise<void> {
  const [image] = await pdfImages(pdf);
  const out = await decodeRaw(image!.data);
  for (const { kind, box: b } of await sampleSecrets()) {
    const poly = [
      { x: b.x, y: b.y },
      { x: b.x + b.width, y: b.y },
      { x: b.x + b.width, y: b.y + b.height },
      { x: b.x, y: b.y + b.height },
    ];
    expect(blackCoverage(out, poly), kind).toBeGreaterThanOrEqual(0.98);
  }
}
