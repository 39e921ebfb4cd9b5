import { Worker } from 'node:worker_threads';
import { ERROR_CODES, VkError, type ErrorCode } from '../../../../shared/errors.ts';
import { DEFAULT_LIMITS, type Limits } from '../../../../shared/limits.ts';
import type { RawImage } from '../raw-image.ts';
import { abortError } from '../timeout.ts';
import type { FromDecoder, ToDecoder } from './decode-protocol.ts';

/**
 * The decoding thread's entry, beside this module in both layouts: from source a bootstrap that
 * teaches the thread TypeScript, in the built app and CLI the bundled decode-thread.
 */
const ENTRY = new URL('./decode-worker.mjs', import.meta.url);

interface Decoder {
  worker: Worker;
  /** Settles the call in progress when the thread dies under it. */
  onExit: ((error: VkError) => void) | null;
}

let current: Decoder | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

function tooComplex(limits: Limits): VkError {
  return new VkError('TOO_COMPLEX', { seconds: Math.round(limits.pageTimeoutMs / 1000) });
}

function spawn(limits: Limits): Decoder {
  const worker = new Worker(ENTRY, {
    // The heap cap turns a runaway parser into an ended thread instead of a swapping machine.
    resourceLimits: { maxOldGenerationSizeMb: limits.decoderHeapMb },
  });
  const decoder: Decoder = { worker, onExit: null };
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    if (current === decoder) current = null;
    decoder.onExit?.(tooComplex(limits));
  });
  return decoder;
}

function stop(decoder: Decoder): void {
  if (current === decoder) current = null;
  void decoder.worker.terminate();
}

function run(bytes: Buffer, limits: Limits, signal: AbortSignal | undefined): Promise<RawImage[]> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const decoder = (current ??= spawn(limits));
  decoder.worker.ref();
  const id = ++nextId;
  return new Promise<RawImage[]>((resolve, reject) => {
    let stall: NodeJS.Timeout | undefined;
    const finish = (error: VkError | null, pages?: RawImage[]) => {
      clearTimeout(stall);
      signal?.removeEventListener('abort', onAbort);
      decoder.worker.off('message', onMessage);
      decoder.onExit = null;
      decoder.worker.unref();
      if (error) reject(error);
      else resolve(pages ?? []);
    };
    // A page that does not finish in time stops the whole thread: pdf.js cannot be interrupted.
    const restartStallTimer = () => {
      clearTimeout(stall);
      stall = setTimeout(() => (finish(tooComplex(limits)), stop(decoder)), limits.pageTimeoutMs);
    };
    const onAbort = () => (finish(abortError(signal as AbortSignal)), stop(decoder));
    const onMessage = (m: FromDecoder) => {
      if (m.id !== id) return;
      if (m.type === 'page') return restartStallTimer();
      if (m.type === 'error') return finish(toVkError(m.code, m.params));
      finish(
        null,
        m.pages.map((p) => ({ ...p, data: Buffer.from(p.data) })),
      );
    };
    decoder.onExit = (error) => finish(error);
    decoder.worker.on('message', onMessage);
    signal?.addEventListener('abort', onAbort, { once: true });
    restartStallTimer();
    // The bytes are copied once into a buffer the thread then owns.
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    decoder.worker.postMessage({ id, bytes: copy as ArrayBuffer, limits } satisfies ToDecoder, [
      copy as ArrayBuffer,
    ]);
  });
}

function toVkError(code: string, params: VkError['params']): VkError {
  return ERROR_CODES.includes(code as ErrorCode)
    ? new VkError(code as ErrorCode, params)
    : new VkError('CORRUPT_FILE');
}

/**
 * Every page of an untrusted file as RGB pixels (see `loadPages`), decoded on a thread of its
 * own with a capped heap. A page that takes longer than `pageTimeoutMs`, a thread that runs out
 * of memory, and `signal` (Cancel, the job's time limit) all end the thread at once, so no
 * decoder can hang a job, the watch loop or the app. Calls are served one at a time; the thread
 * stays for the next file and never keeps the process alive.
 */
export function decodeFile(
  bytes: Buffer,
  limits: Limits = DEFAULT_LIMITS,
  signal?: AbortSignal,
): Promise<RawImage[]> {
  const turn = queue.then(() => run(bytes, limits, signal));
  queue = turn.catch(() => undefined);
  return turn;
}
