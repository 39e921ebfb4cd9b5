import type { WindowApi } from '../shared/ipc.ts';

declare global {
  interface Window {
    api: WindowApi;
  }
}

/** The preload's bridge: the renderer's only way out. */
export const api = (): WindowApi => window.api;
