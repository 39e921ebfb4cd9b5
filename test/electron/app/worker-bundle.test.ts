import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServiceWorker } from '../../../electron/app/worker-client.ts';
import { isApiError, type AnalysisResult } from '../../../shared/ipc.ts';
import { testPicture } from '../../helpers/images.ts';

describe('the bundled pipeline worker (what the packaged app runs)', () => {
  it('builds, starts off the main thread and analyses a document', async () => {
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'ignore' });
    let asked = 0;
    const service = startServiceWorker(
      pathToFileURL(path.resolve('dist-electron/service-worker.mjs')),
      {
        chooseFiles: async () => {
          asked++;
          return null;
        },
        chooseSaveTarget: async () => null,
      },
    );
    try {
      const result = (await service.analyze([
        { name: 'x.png', bytes: new Uint8Array(await testPicture(300, 200)) },
      ])) as AnalysisResult;
      expect(isApiError(result)).toBe(false);
      expect(result.sides[0]).toMatchObject({ width: 300, height: 200 });
      // Dialogs are asked of the main thread, which owns them.
      expect(await service.openFiles()).toBeNull();
      expect(asked).toBe(1);
      expect(await service.jobCount()).toBe(1);
    } finally {
      await service.close();
    }
  });
});
