import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  BLOCKED_URLS,
  CONTENT_SECURITY_POLICY,
  hardenContents,
  hardenSession,
  isTrustedSender,
  createMainWindow,
} from '../../../electron/main/security.ts';
import { serveAppFile } from '../../../electron/main/protocol.ts';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('Electron hardening (security checklist)', () => {
  it('creates windows isolated, sandboxed, without Node and without spellchecker', () => {
    class FakeWindow {
      constructor(readonly options: BrowserWindowConstructorOptions) {}
    }
    const prefs = createMainWindow(FakeWindow, '/app/preload.cjs', false).options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/preload.cjs',
    });
  });

  it('has a strict CSP: nothing by default, no inline script, no eval, no network', () => {
    const csp = CONTENT_SECURITY_POLICY;
    expect(csp).toMatch(/^default-src 'none'/);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });

  it('cancels every web request, denies every permission but the camera, and turns the spellchecker off', () => {
    type Details = { requestingUrl?: string; mediaTypes?: string[]; mediaType?: string };
    let onRequest: ((d: unknown, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    let filter: { urls: string[] } | undefined;
    let onPermission:
      ((c: unknown, p: string, cb: (ok: boolean) => void, d: Details) => void) | undefined;
    let onCheck: ((c: unknown, p: string, origin: string, d: Details) => boolean) | undefined;
    const session = {
      webRequest: {
        onBeforeRequest: (f: { urls: string[] }, h: typeof onRequest) => {
          filter = f;
          onRequest = h;
        },
      },
      setPermissionRequestHandler: (h: typeof onPermission) => (onPermission = h),
      setPermissionCheckHandler: (h: typeof onCheck) => (onCheck = h),
      setDevicePermissionHandler: vi.fn(),
      setSpellCheckerEnabled: vi.fn(),
    };
    hardenSession(session as never);
    expect(filter?.urls).toEqual(BLOCKED_URLS);
    expect(BLOCKED_URLS).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']),
    );
    const cancel = vi.fn();
    onRequest?.({ url: 'https://example.org' }, cancel);
    expect(cancel).toHaveBeenCalledWith({ cancel: true });

    const app = `${APP_ORIGIN}/index.html`;
    const ask = (permission: string, details: Details) => {
      const answer = vi.fn();
      onPermission?.({}, permission, answer, details);
      return answer.mock.calls[0]?.[0];
    };
    // The camera, video only, for the app's own page: the one thing allowed.
    expect(ask('media', { requestingUrl: app, mediaTypes: ['video'] })).toBe(true);
    expect(ask('media', { requestingUrl: app, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(ask('media', { requestingUrl: app, mediaTypes: ['audio'] })).toBe(false);
    expect(ask('media', { requestingUrl: app, mediaTypes: [] })).toBe(false);
    expect(ask('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(
      false,
    );
    for (const permission of [
      'display-capture',
      'geolocation',
      'notifications',
      'clipboard-read',
      'hid',
      'openExternal',
    ])
      expect(ask(permission, { requestingUrl: app }), permission).toBe(false);
    expect(onCheck?.({}, 'media', APP_ORIGIN, { mediaType: 'video' })).toBe(true);
    expect(onCheck?.({}, 'media', APP_ORIGIN, { mediaType: 'audio' })).toBe(false);
    expect(onCheck?.({}, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(onCheck?.({}, 'geolocation', APP_ORIGIN, {})).toBe(false);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('denies navigation, redirects, webviews and new windows', () => {
    const handlers: Record<string, (e: { preventDefault: () => void }) => void> = {};
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: (event: string, h: (e: { preventDefault: () => void }) => void) => (handlers[event] = h),
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    };
    hardenContents(contents as never);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      handlers[event]?.(e);
      expect(e.preventDefault, event).toHaveBeenCalled();
    }
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });

  it('trusts IPC only from the app origin', () => {
    expect(isTrustedSender(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const url of [
      undefined,
      'https://veilige-kopie',
      'app://veilige-kopie.evil/x',
      'file:///etc/passwd',
      'app://other/',
    ]) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });

  it('serves only the renderer folder, with the CSP header and no caching', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'vk-proto-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<html></html>');
    writeFileSync(path.join(root, 'assets', 'a.js'), 'x');
    const page = await serveAppFile(root, `${APP_ORIGIN}/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(
      (await serveAppFile(root, `${APP_ORIGIN}/assets/a.js`)).headers.get('content-type'),
    ).toMatch(/javascript/);
    expect((await serveAppFile(root, `${APP_ORIGIN}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await serveAppFile(root, `${APP_ORIGIN}/missing.js`)).status).toBe(404);
  });
});
