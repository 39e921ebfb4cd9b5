import { afterAll, describe, expect, it } from 'vitest';
import { startServiceWorker } from '../../electron/core/service/worker-client.ts';
import { ERROR_CODES } from '../../shared/errors.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { isApiError, type AnalysisResult } from '../../shared/ipc.ts';
import { testPicture } from '../helpers/images.ts';
import { hostileCorpus } from './corpus.ts';
import { stubDialogs } from '../helpers/dialogs.ts';

/** Longer than any single step's own limit (30 s): an answer after this counts as a hang. */
const ANSWER_WITHIN_MS = 45_000;

const files = await hostileCorpus();
// The same worker-thread service the desktop app runs; a crash there would end every answer.
const service = startServiceWorker(
  new URL('../helpers/service-worker-ts.mjs', import.meta.url),
  stubDialogs(),
);
afterAll(() => service.close());

async function answer(bytes: Buffer) {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), ANSWER_WITHIN_MS);
  });
  try {
    return await Promise.race([
      service.analyze([{ name: 'upload.jpg', bytes: new Uint8Array(bytes) }]),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe(`bad input: ${files.length} hostile or broken files`, () => {
  it('has at least 40 files in the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files.map((f) => [f.name, f] as const))(
    '%s: a clear, translated message or a correct result, in time',
    async (_, file) => {
      const result = await answer(file.bytes);
      expect(result, 'no answer in time').not.toBe('hang');
      if (isApiError(result)) {
        expect(ERROR_CODES).toContain(result.error);
        if (file.expected) expect(result.error).toBe(file.expected);
        for (const lang of ['nl', 'en'] as const) {
          const text = translate(lang, `error.${result.error}`, result.params);
          expect(text).not.toBe(`error.${result.error}`);
          expect(text, `${lang}: every placeholder filled`).not.toMatch(/\{\w+\}/);
        }
        // A crashed pipeline answers OCR_FAILED; a broken file must never look like that.
        expect(result.error).not.toBe('OCR_FAILED');
      } else {
        expect(file.mayAnalyze, 'a broken file was taken for a document').toBe(true);
        const analysis = result as AnalysisResult;
        expect(analysis.sides.length).toBeGreaterThanOrEqual(1);
        await service.discard(analysis.jobId);
      }
    },
    ANSWER_WITHIN_MS + 5_000,
  );

  it('keeps serving: a good document is analysed after all of them', async () => {
    const result = await answer(await testPicture(500, 320));
    expect(isApiError(result) || result === 'hang').toBe(false);
    expect(await service.jobCount()).toBeLessThanOrEqual(4);
  });
});
