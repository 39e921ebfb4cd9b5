import { describe, expect, it } from 'vitest';
import { startServiceWorker } from '../../../../electron/core/service/worker-client.ts';
import { stubDialogs } from '../../../helpers/dialogs.ts';

describe('service worker client', () => {
  it('answers a call that crashed the worker with INTERNAL, and serves the next call from a fresh one', async () => {
    const service = startServiceWorker(
      new URL('../../../helpers/crashing-worker.mjs', import.meta.url),
      stubDialogs(),
    );
    try {
      expect(await service.analyze([])).toEqual({ error: 'INTERNAL', params: {} });
      expect(await service.jobCount()).toBe(0);
      expect(await service.analyze([])).toEqual({ error: 'INTERNAL', params: {} });
      expect(await service.jobCount()).toBe(0);
    } finally {
      await service.close();
    }
  });
});
