import { promises as fs } from 'node:fs';
import path from 'node:path';
import { translate } from '../../shared/i18n/translate.ts';
import { closeEngines, createEngines } from '../pipeline/engines.ts';
import type { RedactArgs } from './args.ts';
import { batchSource, runSources, type Row } from './batch.ts';
import type { CliIo } from './io.ts';

export interface WatchOptions {
  /** Stops the watch (Ctrl+C in the terminal, the end of a test). */
  signal: AbortSignal;
  /** How often the folder is looked at. */
  pollMs?: number;
}

/** Folder inside OUT_DIR for documents a person must look at, with their original input. */
export const REVIEW_FOLDER = 'controleren';

interface Seen {
  size: number;
  mtimeMs: number;
}

/**
 * Files a scanner has finished writing: listed with the same size and time on two looks in a
 * row. Hidden files, temp files and folders are left alone.
 */
async function settledFiles(dir: string, seen: Map<string, Seen>): Promise<string[]> {
  const ready: string[] = [];
  const names = await fs.readdir(dir, { withFileTypes: true });
  const present = new Set<string>();
  for (const entry of names) {
    if (
      !entry.isFile() ||
      entry.name.startsWith('.') ||
      /\.(tmp|part|crdownload)$/i.test(entry.name)
    )
      continue;
    const file = path.join(dir, entry.name);
    present.add(file);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) continue;
    const before = seen.get(file);
    if (before && before.size === stat.size && before.mtimeMs === stat.mtimeMs && stat.size > 0)
      ready.push(file);
    seen.set(file, { size: stat.size, mtimeMs: stat.mtimeMs });
  }
  for (const file of seen.keys()) if (!present.has(file)) seen.delete(file);
  return ready;
}

/** Moves a file into `dir` under a name not yet taken there (scanners reuse names). */
async function moveInto(file: string, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const { name, ext } = path.parse(file);
  for (let n = 0; ; n++) {
    const target = path.join(dir, n === 0 ? `${name}${ext}` : `${name}-${n}${ext}`);
    try {
      // 'wx'-style: link fails if the name exists, so nothing in the review folder is replaced.
      await fs.link(file, target);
      await fs.rm(file);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Routes one processed input: a clean copy deletes it, anything else goes to review. */
async function settle(
  file: string,
  rows: readonly Row[],
  reviewDir: string,
  args: RedactArgs,
  io: CliIo,
): Promise<void> {
  const name = path.basename(file);
  if (rows.length > 0 && rows.every((r) => r.outcome === 'done')) {
    await fs.rm(file, { force: true });
    io.out(translate(args.lang, 'cli.watch_done', { file: name }));
    return;
  }
  await moveInto(file, reviewDir);
  for (const r of rows) if (r.output) await moveInto(r.output, reviewDir);
  io.err(translate(args.lang, 'cli.watch_review', { file: name, dir: reviewDir }));
}

/**
 * `veilige-kopie watch IN_DIR --out-dir OUT_DIR`: every file a scanner drops into IN_DIR is
 * redacted into OUT_DIR. A clean result removes the input (nothing is kept); a document that
 * needs a person, or a file that could not be processed, is moved with its copy into
 * OUT_DIR/controleren — an input is never deleted unless its safe copy was written cleanly.
 */
export async function runWatch(
  args: RedactArgs,
  io: CliIo,
  options: WatchOptions,
): Promise<number> {
  const inDir = path.resolve(io.cwd, args.inputs[0] as string);
  const outDir = path.resolve(io.cwd, args.outDir as string);
  const reviewDir = path.join(outDir, REVIEW_FOLDER);
  await fs.mkdir(outDir, { recursive: true });
  const engines = args.detect ? createEngines() : undefined;
  const seen = new Map<string, Seen>();
  io.out(translate(args.lang, 'cli.watching', { dir: inDir, out: outDir }));
  try {
    while (!options.signal.aborted) {
      for (const file of await settledFiles(inDir, seen)) {
        if (options.signal.aborted) break;
        seen.delete(file);
        const { rows } = await runSources([batchSource(file, outDir)], args, [], io, engines);
        // One file that vanished or cannot be moved never stops the watch; it stays where it is.
        await settle(file, rows, reviewDir, args, io).catch(() =>
          io.err(translate(args.lang, 'cli.watch_stuck', { file: path.basename(file) })),
        );
      }
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, options.pollMs ?? 1000);
        options.signal.addEventListener('abort', () => (clearTimeout(timer), resolve(null)), {
          once: true,
        });
      });
    }
    return 0;
  } finally {
    if (engines) await closeEngines(engines);
  }
}
