import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, CHANNELS } from '../shared/ipc.ts';

// Functions only: the page never sees ipcRenderer itself, only one invoke per contract method.
const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    (...args: unknown[]) => ipcRenderer.invoke(CHANNELS[method], ...args),
  ]),
);

contextBridge.exposeInMainWorld('api', Object.freeze(api));
