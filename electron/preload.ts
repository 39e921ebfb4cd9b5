import { contextBridge, ipcRenderer } from 'electron';
import type { AnalysisProgress } from '../shared/progress.ts';
import { API_METHODS, CHANNELS, PROGRESS_EVENT, type ProgressListener } from '../shared/ipc.ts';

// Functions only: the page never sees ipcRenderer itself, only one invoke per contract method.
const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    (...args: unknown[]) => ipcRenderer.invoke(CHANNELS[method], ...args),
  ]),
);

// The page hears progress through its own function, never through the IPC event object.
const onProgress = (listener: ProgressListener) => {
  const hear = (_event: unknown, progress: AnalysisProgress | null) => listener(progress);
  ipcRenderer.on(PROGRESS_EVENT, hear);
  return () => void ipcRenderer.removeListener(PROGRESS_EVENT, hear);
};

contextBridge.exposeInMainWorld('api', Object.freeze({ ...api, onProgress }));
