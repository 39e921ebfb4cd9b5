// A stand-in service worker for the crash test: it dies on `analyze` (as a native decoder
// crash would take the thread down) and answers `jobCount` with 0.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (message) => {
  if (message.type !== 'call') return;
  if (message.method === 'analyze') process.exit(1);
  parentPort.postMessage({ type: 'result', id: message.id, result: 0 });
});
