import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '../../../shared/errors.ts';
import { translate } from '../../../shared/i18n/translate.ts';
import type { Engines } from '../../core/pipeline/index.ts';
import { identityNow, sameFile, type FileIdentity } from '../../core/files/read-file.ts';
import type { RedactArgs } from '../args.ts';
import type { Row } from '../batch.ts';
import type { CliIo } from '../io.ts';
import { holdsBytes, moveInto } from './move-file.ts';
import type { Failure } from './retries.ts';

/** Failures that say nothing about the file itself: the same file may well work next time. */
const PASSING: ReadonlySet<ErrorCode> = new Set([
  'WRITE_FAILED',
  'READ_FAILED',
  'OCR_FAILED',
  'INTERNAL',
]);

/** A reason to try a file again later (the disk, not the document). */
export class Retry extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface Context {
  args: RedactArgs;
  io: CliIo;
  outDir: string;
  reviewDir: string;
  engines: Engines | undefined;
  /** Ctrl+C: also stops a file being decoded. */
  signal: AbortSignal;
}

export const say = (
  ctx: Context,
  key: Parameters<typeof translate>[1],
  params: Record<string, string | number>,
) => translate(ctx.args.lang, key, params);

/**
 * Routes one processed input. A clean result deletes the input, but only when it is still the
 * file that was read (same device, inode, size and time) and every copy on disk holds the bytes
 * that were written; anything else goes to review with its copies. Throws `Retry` when the
 * trouble lies outside the document (a full or read-only disk).
 */
export async function settle(
  file: string,
  read: FileIdentity,
  rows: readonly Row[],
  ctx: Context,
): Promise<void> {
  const name = path.basename(file);
  const passing = rows.find((r) => r.outcome === 'failed' && r.code && PASSING.has(r.code));
  if (passing) {
    // This round's copies go, so the next try does not leave numbered twins behind.
    for (const r of rows) if (r.output) await fs.rm(r.output, { force: true });
    throw new Retry(passing.note);
  }
  const now = await identityNow(file);
  if (!now || !sameFile(now, read)) {
    // The file read is gone: its copies stay, those that need a person in the review folder.
    for (const r of rows)
      if (r.output && r.outcome !== 'done')
        await moveInto(r.output, ctx.reviewDir).catch(() => undefined);
    ctx.io.err(say(ctx, 'cli.watch_changed', { file: name }));
    return;
  }
  const clean = rows.length > 0 && rows.every((r) => r.outcome === 'done');
  if (clean) {
    const verified = await Promise.all(
      rows.map((r) => (r.output && r.sha256 ? holdsBytes(r.output, r.sha256) : false)),
    );
    if (verified.every(Boolean)) {
      await fs.rm(file);
      ctx.io.out(say(ctx, 'cli.watch_done', { file: name }));
      return;
    }
    ctx.io.err(say(ctx, 'cli.watch_not_verified', { file: name }));
  }
  await moveInto(file, ctx.reviewDir).catch((e: Error) => {
    throw new Retry(e.message);
  });
  for (const r of rows)
    if (r.output) await moveInto(r.output, ctx.reviewDir).catch(() => undefined);
  ctx.io.err(say(ctx, 'cli.watch_review', { file: name, dir: ctx.reviewDir }));
}

/** After the last failed try: into review if possible, else a note beside it; then left alone. */
export async function setAside(
  file: string,
  failure: Failure,
  reason: string,
  ctx: Context,
): Promise<void> {
  const name = path.basename(file);
  try {
    await moveInto(file, ctx.reviewDir);
    ctx.io.err(
      say(ctx, 'cli.watch_gave_up_moved', { file: name, count: failure.count, dir: ctx.reviewDir }),
    );
  } catch {
    const note = `${file}.failed`;
    await fs
      .writeFile(
        note,
        say(ctx, 'cli.watch_failed_note', { file: name, count: failure.count, reason }) + '\n',
      )
      .catch(() => undefined);
    ctx.io.err(
      say(ctx, 'cli.watch_gave_up_left', {
        file: name,
        count: failure.count,
        note: path.basename(note),
      }),
    );
  }
}
