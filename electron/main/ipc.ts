import type { IpcMain } from 'electron';
import { API_METHODS, CHANNELS, type AppApi } from '../../shared/ipc.ts';
import { isTrustedSender } from './security.ts';

/** One handler per contract channel; calls from any page but the app's own are refused. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, api: AppApi): void {
  for (const method of API_METHODS) {
    ipcMain.handle(CHANNELS[method], (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame?.url))
        return { error: 'INVALID_ARGUMENTS', params: { reason: 'sender' } };
      const fn = api[method] as (...a: unknown[]) => unknown;
      return fn(...args);
    });
  }
}
