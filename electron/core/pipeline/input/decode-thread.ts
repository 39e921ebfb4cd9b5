import { parentPort } from 'node:worker_threads';
import { isVkError } from '../../../../shared/errors.ts';
import { loadPages } from '../load.ts';
import type { FromDecoder, ToDecoder, WirePage } from './decode-protocol.ts';
import { noteDecoderWarning } from './pdf-warnings.ts';

// The decoding thread: untrusted bytes are parsed here, where a runaway decoder can be stopped
// (the caller terminates this thread) and its heap is capped, instead of on the thread that
// runs the job, the watch loop or the app's service.

const port = parentPort;
if (!port) throw new Error('decode-thread must run as a worker thread');

// pdf.js reports on the console; nothing of a document may reach a log, and one warning (an
// image too large, removed) must become a refusal instead of a blank page.
console.log = noteDecoderWarning;
console.warn = noteDecoderWarning;
console.error = noteDecoderWarning;

port.on('message', async ({ id, bytes, limits }: ToDecoder) => {
  const reply = (message: FromDecoder, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer);
  try {
    const pages = await loadPages(Buffer.from(bytes), limits, () => reply({ id, type: 'page' }));
    const wire: WirePage[] = pages.map((p) => {
      // A pixel buffer may sit inside a larger pooled one: hand over exactly its own bytes.
      const data = p.data.buffer.slice(p.data.byteOffset, p.data.byteOffset + p.data.byteLength);
      return { data: data as ArrayBuffer, width: p.width, height: p.height, dpi: p.dpi };
    });
    reply(
      { id, type: 'done', pages: wire },
      wire.map((p) => p.data),
    );
  } catch (e) {
    // Anything a decoder throws that is not one of ours says only that the file is damaged.
    if (isVkError(e)) reply({ id, type: 'error', code: e.code, params: e.params });
    else reply({ id, type: 'error', code: 'CORRUPT_FILE', params: {} });
  }
});
