import { parentPort, workerData } from 'node:worker_threads';
import type { ExportFormat } from '../../../shared/ipc.ts';
import type { Dialogs } from './dialogs.ts';
import { createEngines, warmEngines } from '../pipeline/index.ts';
import { createAppService, type AppService } from './service.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

// Runs the service (decoding, OCR, face detection, burning) on its own thread, so the Electron
// main process (window, menus, dialogs) never waits on a document. Dialogs are asked of the
// main thread, which owns them.

const port = parentPort;
if (!port) throw new Error('service-worker must run as a worker thread');

let nextDialog = 0;
const pending = new Map<number, (result: unknown) => void>();
const ask = (message: FromWorker & { type: 'dialog' }) =>
  new Promise<unknown>((resolve) => {
    pending.set(message.id, resolve);
    port.postMessage(message);
  });

const dialogs: Dialogs = {
  reveal: async (file: string) => {
    await ask({ type: 'dialog', id: ++nextDialog, name: 'reveal', file });
  },
  chooseFiles: async () =>
    (await ask({ type: 'dialog', id: ++nextDialog, name: 'chooseFiles' })) as string[] | null,
  chooseSaveTarget: async (suggestedName: string, format: ExportFormat) =>
    (await ask({
      type: 'dialog',
      id: ++nextDialog,
      name: 'chooseSaveTarget',
      suggestedName,
      format,
    })) as string | null,
};

// The models start with the app, while the person picks a file: the first document does not
// wait for them.
const engines = createEngines();
void warmEngines(engines);
const service: AppService = createAppService(dialogs, engines, {
  installDir: (workerData as { installDir?: string } | null)?.installDir,
  onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies FromWorker),
});

port.on('message', async (message: ToWorker) => {
  if (message.type === 'dialog-reply') {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
    return;
  }
  const fn = service[message.method as keyof AppService] as
    ((...a: unknown[]) => Promise<unknown>) | undefined;
  const result = fn
    ? await fn(...message.args)
    : { error: 'INVALID_ARGUMENTS', params: { reason: 'method' } };
  port.postMessage({ type: 'result', id: message.id, result } satisfies FromWorker);
});
