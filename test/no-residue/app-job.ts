// A whole desktop-app job in a process of its own: the worker-thread service analyses a file,
// exports the safe copy to argv[3], forgets the job and closes. Run by no-residue tests with
// HOME, TMPDIR and the working directory pointed at fresh folders.
import { readFileSync } from 'node:fs';
import { startServiceWorker } from '../../electron/core/service/worker-client.ts';
import { isApiError } from '../../shared/ipc.ts';
import { stubDialogs } from '../helpers/dialogs.ts';

const [input, target] = process.argv.slice(2) as [string, string];
const service = startServiceWorker(
  new URL('../helpers/service-worker-ts.mjs', import.meta.url),
  stubDialogs({ chooseSaveTarget: async () => target }),
);
const result = await service.analyze([
  { name: 'document', bytes: new Uint8Array(readFileSync(input)) },
]);
if (isApiError(result)) throw new Error(result.error);
const saved = await service.exportCopy({
  jobId: result.jobId,
  regions: result.regions,
  watermark: { purpose: 'inzage', recipient: 'X', date: '2026-12-02', lang: 'nl' },
  format: 'pdf',
});
if (isApiError(saved) || !saved.saved) throw new Error('not saved');
await service.discard(result.jobId);
await service.close();
