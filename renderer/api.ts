import type { AppApi } from '../shared/ipc.ts';

declare global {
  interface Window {
    api: AppApi;
  }
}

/** The preload's bridge: the renderer's only way out. */
export const api = (): AppApi => window.api;
