import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppService } from '../../electron/core/service/service.ts';
import { decodeFile } from '../../electron/core/pipeline/input/decoder.ts';
import { DEFAULT_LIMITS } from '../../shared/limits.ts';
import { stubDialogs } from '../helpers/dialogs.ts';
import { manyOperatorsPdf } from '../helpers/hostile.ts';
import { folders, startWatch, waitFor } from './watch-process.ts';

// A few KB that keep pdf.js busy far longer than any of these stops may take.
const bomb = manyOperatorsPdf(3_000_000);
const asInput = [{ name: 'bomb.pdf', bytes: new Uint8Array(bomb) }];

describe('stopping a file while it is being decoded', () => {
  it('Cancel in the app ends the decoding at once', async () => {
    const service = createAppService(stubDialogs());
    try {
      const running = service.analyze(asInput);
      await new Promise((r) => setTimeout(r, 1000));
      const cancelled = Date.now();
      await service.cancel();
      expect(await running).toEqual({ error: 'CANCELLED', params: {} });
      expect(Date.now() - cancelled).toBeLessThan(1000);
      expect(await service.jobCount()).toBe(0);
    } finally {
      await service.close();
    }
  }, 30_000);

  it("the app's job time limit ends the decoding at once", async () => {
    const service = createAppService(stubDialogs(), undefined, {
      limits: { ...DEFAULT_LIMITS, jobTimeoutMs: 1500 },
    });
    try {
      const started = Date.now();
      expect(await service.analyze(asInput)).toEqual({ error: 'TIMEOUT', params: { seconds: 2 } });
      expect(Date.now() - started).toBeLessThan(2500);
      // The next file is decoded by a fresh decoder.
      expect(await decodeFile(manyOperatorsPdf(10))).toHaveLength(1);
    } finally {
      await service.close();
    }
  }, 60_000);

  it('Ctrl+C stops a watch that is decoding', async () => {
    const { inDir, outDir } = folders();
    const watch = startWatch(inDir, outDir, ['--no-detect']);
    await waitFor(() => /Watching/.test(watch.log()), 'the start', watch);
    writeFileSync(path.join(inDir, 'bomb.pdf'), bomb);
    await waitFor(() => /bomb\.pdf: processing/.test(watch.log()), 'the bomb to be taken', watch);
    await new Promise((r) => setTimeout(r, 500));
    const stopped = Date.now();
    expect(await watch.stop()).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(2000);
  }, 30_000);
});
