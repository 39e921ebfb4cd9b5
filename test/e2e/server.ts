import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { API_METHODS, type AppApi } from '../../shared/ipc.ts';
import type { AnalysisProgress } from '../../shared/progress.ts';
import type { AppService } from '../../electron/core/service/service.ts';
import { startServiceWorker } from '../../electron/core/service/worker-client.ts';
import type { Dialogs } from '../../electron/core/service/dialogs.ts';
import { serveAppFile } from '../../electron/main/protocol.ts';
import { decode, encode } from './bridge-codec.ts';

const ROOT = path.resolve(import.meta.dirname, '../../dist/renderer');
const BRIDGE = readFileSync(path.join(import.meta.dirname, 'bridge-client.js'), 'utf8').replace(
  '__API_METHODS__',
  JSON.stringify(API_METHODS),
);

/** Dialog answers the test sets before it clicks. */
export interface TestDialogs extends Dialogs {
  openPaths: string[] | null;
  savePath: string | null;
  /** Files the app asked the file manager to show. */
  revealed: string[];
}

export interface TestApp {
  url: string;
  service: AppService;
  dialogs: TestDialogs;
  /** The last progress the service pushed (null: no analysis running). */
  lastProgress(): AnalysisProgress | null;
  close(): Promise<void>;
}

/**
 * Serves the built renderer like the app's protocol does (same files, same CSP plus the bridge's
 * own origin for fetch) and answers `window.api` calls with the real service and pipeline.
 */
export async function startTestApp(): Promise<TestApp> {
  const dialogs: TestDialogs = {
    openPaths: null,
    savePath: null,
    chooseFiles: async () => dialogs.openPaths,
    chooseSaveTarget: async () => dialogs.savePath,
    revealed: [],
    reveal: async (file) => void dialogs.revealed.push(file),
  };
  // Progress goes to every page listening, as server-sent events (the main process's push).
  const listeners = new Set<ServerResponse>();
  let last: AnalysisProgress | null = null;
  // The same worker thread the app uses, running its TypeScript source through tsx.
  const service = startServiceWorker(
    new URL('../helpers/service-worker-ts.mjs', import.meta.url),
    dialogs,
    {
      onProgress: (progress) => {
        last = progress;
        for (const res of listeners) res.write(`data: ${JSON.stringify(progress)}\n\n`);
      },
    },
  );
  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname.startsWith('/__api/')) {
        const method = url.pathname.slice(7) as keyof AppApi;
        if (!API_METHODS.includes(method)) return void res.writeHead(404).end();
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const args = decode(Buffer.concat(chunks).toString('utf8')) as unknown[];
        const result = await (service[method] as (...a: unknown[]) => Promise<unknown>)(...args);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(encode(result));
        return;
      }
      if (req.method === 'GET' && url.pathname === '/__events') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      if (url.pathname === '/__bridge.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(BRIDGE);
        return;
      }
      const file = await serveAppFile(ROOT, `app://veilige-kopie${url.pathname}`);
      const headers = Object.fromEntries(file.headers.entries());
      // The bridge talks to this server; the app itself has connect-src 'none'.
      headers['content-security-policy'] = headers['content-security-policy']!.replace(
        "connect-src 'none'",
        "connect-src 'self'",
      );
      let body = Buffer.from(await file.arrayBuffer());
      if (url.pathname === '/' || url.pathname.endsWith('index.html')) {
        body = Buffer.from(
          body
            .toString('utf8')
            .replace('<head>', '<head><script src="/__bridge.js"></script>')
            .replace("connect-src 'none'", "connect-src 'self'"),
        );
      }
      res.writeHead(file.status, headers).end(body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    service,
    dialogs,
    lastProgress: () => last,
    close: async () => {
      for (const res of listeners) res.end();
      await new Promise((resolve) => server.close(resolve));
      await service.close();
    },
  };
}
