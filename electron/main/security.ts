import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** The app's own origin: a custom protocol serving the packaged renderer files. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://veilige-kopie`;

/**
 * Strict CSP: nothing is allowed that is not named. The renderer needs its own scripts and styles,
 * and blob: images (document previews made in memory). No network, no inline script, no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The app window, per Electron's security checklist. The options are written out literally at
 * the `new BrowserWindow` call so static checkers (Electronegativity) can read every one.
 */
export function createMainWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  preload: string,
  devTools: boolean,
): W {
  return new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Veilige Kopie',
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // Middle-click would open links in a new window: not a feature the app has.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
      safeDialogs: true,
    },
  });
}

/** Request kinds that would leave the machine; every one is cancelled. */
export const BLOCKED_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/**
 * The one permission the app can get: the camera, video only, for its own page. The page asks
 * for it only when the person opens the camera screen; microphone, screen capture, location,
 * notifications and everything else stay denied.
 */
export function mayUseCamera(
  permission: string,
  origin: string | undefined,
  mediaTypes: readonly string[] | undefined,
): boolean {
  return (
    permission === 'media' &&
    isTrustedSender(origin) &&
    !!mediaTypes &&
    mediaTypes.length > 0 &&
    mediaTypes.every((t) => t === 'video')
  );
}

/** No network and no permissions but the camera on request, for the app's session. */
export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest({ urls: BLOCKED_URLS }, (_details, callback) =>
    callback({ cancel: true }),
  );
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const request = details as { requestingUrl?: string; mediaTypes?: string[] } | undefined;
    callback(mayUseCamera(permission, request?.requestingUrl, request?.mediaTypes));
  });
  session.setPermissionCheckHandler((_contents, permission, origin, details) => {
    const media = (details as { mediaType?: string } | undefined)?.mediaType;
    return mayUseCamera(permission, origin, media ? [media] : undefined);
  });
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
}

/** No navigation away from the app, no new windows, no webviews. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** IPC is answered only for the app's own page, never for anything else that got loaded. */
export function isTrustedSender(url: string | undefined): boolean {
  return typeof url === 'string' && (url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`));
}
