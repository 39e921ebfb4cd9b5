import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, CHANNELS, PROGRESS_EVENT, type AppApi } from '../../../shared/ipc.ts';
import { registerIpc } from '../../../electron/main/ipc.ts';
import { APP_ORIGIN } from '../../../electron/main/security.ts';

vi.mock('electron', () => {
  const exposed: Record<string, unknown> = {};
  return {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
      on: vi.fn(),
      removeListener: vi.fn(),
    },
    __exposed: exposed,
  };
});

function fakeApi(): AppApi {
  return Object.fromEntries(
    API_METHODS.map((m) => [m, vi.fn(async (...args: unknown[]) => ({ method: m, args }))]),
  ) as unknown as AppApi;
}

describe('IPC', () => {
  it('registers exactly one handler per contract method, on its channel', () => {
    const handle = vi.fn();
    registerIpc({ handle }, fakeApi());
    expect(handle.mock.calls.map((c) => c[0]).sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('answers the app page and refuses any other sender', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const api = fakeApi();
    registerIpc({ handle: (channel: string, h: never) => handlers.set(channel, h) } as never, api);
    const discard = handlers.get(CHANNELS.discard)!;
    expect(await discard({ senderFrame: { url: `${APP_ORIGIN}/index.html` } }, 'abc')).toEqual({
      method: 'discard',
      args: ['abc'],
    });
    expect(await discard({ senderFrame: { url: 'https://evil.example/' } }, 'abc')).toMatchObject({
      error: 'INVALID_ARGUMENTS',
    });
    expect(await discard({ senderFrame: null }, 'abc')).toMatchObject({
      error: 'INVALID_ARGUMENTS',
    });
    expect(api.discard).toHaveBeenCalledTimes(1);
  });

  it('the preload exposes functions only, exactly the contract, and never ipcRenderer', async () => {
    await import('../../../electron/preload.ts');
    const electron = (await import('electron')) as unknown as {
      __exposed: Record<string, Record<string, unknown>>;
      ipcRenderer: Record<'invoke' | 'on' | 'removeListener', ReturnType<typeof vi.fn>>;
    };
    const api = electron.__exposed.api!;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onProgress'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    expect(Object.isFrozen(api)).toBe(true);
    await (api.preview as (...a: unknown[]) => Promise<unknown>)('job', 0, [], null);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(CHANNELS.preview, 'job', 0, [], null);
  });

  it('passes pushed progress to the page without the IPC event, and lets it unsubscribe', async () => {
    await import('../../../electron/preload.ts');
    const electron = (await import('electron')) as unknown as {
      __exposed: Record<string, Record<string, unknown>>;
      ipcRenderer: Record<'on' | 'removeListener', ReturnType<typeof vi.fn>>;
    };
    const heard: unknown[] = [];
    const stop = (electron.__exposed.api!.onProgress as (l: (p: unknown) => void) => () => void)(
      (p) => heard.push(p),
    );
    const [channel, hear] = electron.ipcRenderer.on.mock.calls.at(-1) as [
      string,
      (event: unknown, p: unknown) => void,
    ];
    expect(channel).toBe(PROGRESS_EVENT);
    hear({ sender: 'the IPC event' }, { side: 0 });
    expect(heard).toEqual([{ side: 0 }]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(PROGRESS_EVENT, hear);
  });
});
