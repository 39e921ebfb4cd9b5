import { Worker } from 'node:worker_threads';
import { API_METHODS, type ProgressListener } from '../../../shared/ipc.ts';
import type { Dialogs } from './dialogs.ts';
import type { AppService } from './service.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/**
 * The app service running on a worker thread, behind the same interface. `entry` is the worker
 * script (the bundled service-worker in the app; a tsx bootstrap of the source in tests).
 */
export function startServiceWorker(
  entry: URL,
  dialogs: Dialogs,
  options: { installDir?: string; onProgress?: ProgressListener } = {},
): AppService {
  const { onProgress, ...workerOptions } = options;
  let worker: Worker;
  let nextId = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  let closing = false;
  const internal = { error: 'INTERNAL', params: {} };

  const onMessage = async (message: FromWorker) => {
    if (message.type === 'progress') return void onProgress?.(message.progress);
    if (message.type === 'result') {
      waiting.get(message.id)?.(message.result);
      waiting.delete(message.id);
      return;
    }
    const result =
      message.name === 'chooseFiles'
        ? await dialogs.chooseFiles()
        : message.name === 'reveal'
          ? await dialogs.reveal(message.file)
          : await dialogs.chooseSaveTarget(message.suggestedName, message.format);
    worker.postMessage({ type: 'dialog-reply', id: message.id, result } satisfies ToWorker);
  };

  // A crashed worker answers every open call with an error instead of leaving the UI waiting,
  // and a fresh one takes its place (its jobs are gone: the person starts that document again).
  const spawn = () => {
    worker = new Worker(entry, { workerData: workerOptions });
    worker.on('message', onMessage);
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      for (const resolve of waiting.values()) resolve(internal);
      waiting.clear();
      if (!closing) spawn();
    });
  };
  spawn();

  const call = (method: string, args: unknown[]) =>
    new Promise<unknown>((resolve) => {
      if (closing) return resolve(internal);
      const id = ++nextId;
      waiting.set(id, resolve);
      worker.postMessage({ type: 'call', id, method, args } satisfies ToWorker);
    });
  const api = Object.fromEntries(
    API_METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)]),
  );
  return {
    ...(api as unknown as Omit<AppService, 'close' | 'jobCount'>),
    jobCount: () => call('jobCount', []) as Promise<number>,
    close: async () => {
      await call('close', []);
      closing = true;
      await worker.terminate();
    },
  };
}
