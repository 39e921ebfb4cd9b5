import { promises as fs } from 'node:fs';
import path from 'node:path';
import { VkError } from '../../../shared/errors.ts';
import { translate } from '../../../shared/i18n/translate.ts';
import { closeEngines, createEngines } from '../../core/pipeline/index.ts';
import { identityNow, readInputFile, type FileIdentity } from '../../core/files/read-file.ts';
import type { RedactArgs } from '../args.ts';
import { documentsOf, runSources } from '../batch.ts';
import type { CliIo } from '../io.ts';
import { isWithin, realFolder } from '../output-paths.ts';
import { MAX_FAILURES, mayTry, recordFailure, type Failure } from './retries.ts';
import { Retry, say, setAside, settle, type Context } from './route.ts';
import { createFolderWatch } from './settled-files.ts';

export interface WatchOptions {
  /** Stops the watch (Ctrl+C in the terminal, the end of a test). */
  signal: AbortSignal;
  /** How often the folder is looked at. */
  pollMs?: number;
  /** Pauses before each retry (see retries.ts; shorter in tests). */
  retryDelaysMs?: readonly number[];
}

/** Folder inside OUT_DIR for documents a person must look at, with their original input. */
export const REVIEW_FOLDER = 'controleren';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Reads, redacts and routes one settled input file. */
async function processFile(file: string, identity: FileIdentity, ctx: Context): Promise<void> {
  let read: Awaited<ReturnType<typeof readInputFile>> | null = null;
  let readError: VkError | null = null;
  try {
    read = await readInputFile(file);
  } catch (e) {
    readError = e instanceof VkError ? e : new VkError('READ_FAILED');
  }
  if (readError?.code === 'READ_FAILED') throw new Retry(say(ctx, 'error.READ_FAILED', {}));
  const bytes = read?.bytes;
  const { rows } = await runSources(
    [
      {
        label: file,
        load: async () => {
          if (readError || !bytes) throw readError ?? new VkError('READ_FAILED');
          return documentsOf(file, bytes, ctx.outDir, ctx.signal);
        },
      },
    ],
    ctx.args,
    [],
    ctx.io,
    ctx.engines,
  );
  await settle(file, read?.identity ?? identity, rows, ctx);
}

/** Refuses folders that would feed the watch its own output (IN == OUT, IN inside review). */
async function checkFolders(
  inDir: string,
  outDir: string,
  ctx: Pick<Context, 'args'>,
): Promise<void> {
  const stat = await fs.stat(inDir).catch(() => null);
  if (!stat?.isDirectory())
    throw new VkError('INVALID_ARGUMENTS', {
      reason: translate(ctx.args.lang, 'cli.watch_no_folder', { dir: inDir }),
    });
  const realIn = await realFolder(inDir);
  const realOut = await realFolder(outDir);
  if (realIn === realOut || isWithin(realIn, path.join(realOut, REVIEW_FOLDER)))
    throw new VkError('INVALID_ARGUMENTS', {
      reason: translate(ctx.args.lang, 'cli.watch_same_folder'),
    });
}

/**
 * `veilige-kopie watch IN_DIR --out-dir OUT_DIR`: every file a scanner drops into IN_DIR is
 * redacted into OUT_DIR. A clean, verified result removes the input (nothing is kept); a
 * document that needs a person, or a file that cannot be processed, is moved with its copy into
 * OUT_DIR/controleren. Trouble outside the document (a full disk) is tried again with growing
 * pauses, then the file is set aside. An input is never deleted unless it is the very file whose
 * copy was written and checked, and no output ever replaces a file.
 */
export async function runWatch(
  args: RedactArgs,
  io: CliIo,
  options: WatchOptions,
): Promise<number> {
  const inDir = path.resolve(io.cwd, args.inputs[0] as string);
  const outDir = path.resolve(io.cwd, args.outDir as string);
  await checkFolders(inDir, outDir, { args });
  await fs.mkdir(outDir, { recursive: true }).catch(() => undefined);
  const ctx: Context = {
    args,
    io,
    outDir,
    reviewDir: path.join(outDir, REVIEW_FOLDER),
    engines: args.detect ? createEngines() : undefined,
    signal: options.signal,
  };
  const folder = createFolderWatch(inDir);
  const failures = new Map<string, Failure>();
  const told = new Set<string>();
  io.out(translate(args.lang, 'cli.watching', { dir: inDir, out: outDir }));
  try {
    while (!options.signal.aborted) {
      const { ready, refused } = await folder.look().catch(() => ({ ready: [], refused: [] }));
      for (const file of refused.filter((f) => !told.has(f))) {
        told.add(file);
        io.err(say(ctx, 'cli.watch_link_refused', { file: path.basename(file) }));
      }
      for (const file of ready) {
        if (options.signal.aborted) break;
        const identity = await identityNow(file);
        if (!identity || !mayTry(failures.get(file), identity, Date.now())) continue;
        folder.forget(file);
        io.out(say(ctx, 'cli.watch_taken', { file: path.basename(file) }));
        try {
          await processFile(file, identity, ctx);
          // Handled: a note from earlier failed tries has said its piece.
          if (failures.delete(file)) await fs.rm(`${file}.failed`, { force: true });
        } catch (e) {
          const reason = e instanceof Retry ? e.reason : String((e as Error)?.name);
          const failure = recordFailure(
            failures.get(file),
            identity,
            Date.now(),
            options.retryDelaysMs,
          );
          failures.set(file, failure);
          if (failure.count >= MAX_FAILURES) await setAside(file, failure, reason, ctx);
          else
            io.err(
              say(ctx, 'cli.watch_retry', {
                file: path.basename(file),
                reason,
                seconds: Math.round((failure.retryAt - Date.now()) / 1000),
              }),
            );
        }
      }
      await sleep(options.pollMs ?? 1000, options.signal);
    }
    return 0;
  } finally {
    if (ctx.engines) await closeEngines(ctx.engines);
  }
}
