// BrowserWindow is only handed over under another name: createMainWindow's own parameter keeps the
// name in the bundle, so Electronegativity recognises the \`new BrowserWindow({...})\` call.
import {
  app,
  BrowserWindow as ElectronWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
} from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServiceWorker } from '../core/service/worker-client.ts';
import { removeStaleTempFiles } from '../core/files/write-atomic.ts';
import { INPUT_EXTENSIONS } from '../../shared/input-formats.ts';
import { PROGRESS_EVENT } from '../../shared/ipc.ts';
import { registerIpc } from './ipc.ts';
import { serveAppFile } from './protocol.ts';
import {
  APP_ORIGIN,
  APP_SCHEME,
  hardenContents,
  hardenSession,
  createMainWindow,
} from './security.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER = path.join(here, '../dist/renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
]);
app.on('web-contents-created', (_event, contents) => hardenContents(contents));

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveAppFile(RENDERER, request.url));
  Menu.setApplicationMenu(null);

  const win = createMainWindow(ElectronWindow, path.join(here, 'preload.cjs'), !app.isPackaged);
  // The pipeline runs on a worker thread; this process only owns windows and dialogs.
  const service = startServiceWorker(
    new URL('./service-worker.mjs', import.meta.url),
    {
      chooseFiles: async () => {
        const r = await dialog.showOpenDialog(win, {
          properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Documents', extensions: [...INPUT_EXTENSIONS] }],
        });
        return r.canceled ? null : r.filePaths;
      },
      reveal: async (file) => shell.showItemInFolder(file),
      chooseSaveTarget: async (suggestedName, format) => {
        const r = await dialog.showSaveDialog(win, {
          defaultPath: path.join(app.getPath('documents'), suggestedName),
          filters: [
            { name: format.toUpperCase(), extensions: [format === 'jpeg' ? 'jpg' : format] },
          ],
        });
        return r.canceled || !r.filePath ? null : r.filePath;
      },
    },
    // An IT department puts the organisation's config next to the installed program.
    {
      installDir: path.dirname(app.getPath('exe')),
      // Pushed to the page as it happens: the checklist of stages fills in without polling.
      onProgress: (progress) => {
        if (!win.isDestroyed()) win.webContents.send(PROGRESS_EVENT, progress);
      },
    },
  );
  registerIpc(ipcMain, service);
  // An export cut off by a crash or power loss leaves a temp file in the folder it was saved
  // to; the default folder is swept now, any other on the next export there.
  void removeStaleTempFiles(app.getPath('documents'));
  app.on('before-quit', () => void service.close());
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.whenReady().then(start, () => app.exit(1));
app.on('window-all-closed', () => app.quit());
