import { sameFile, type FileIdentity } from '../../core/files/read-file.ts';

/** A file whose processing failed for a reason outside it (a full or read-only disk, say). */
export interface Failure {
  count: number;
  /** Not tried again before this time (ms since the epoch). */
  retryAt: number;
  /** The file as it was when it failed: a changed file starts afresh. */
  identity: FileIdentity | null;
}

/** Waits between tries: never a tight loop of full OCR against a disk that stays full. */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000] as const;

/** After this many failures the file is set aside (review folder, or a note) and left alone. */
export const MAX_FAILURES = 3;

export function recordFailure(
  before: Failure | undefined,
  identity: FileIdentity | null,
  now: number,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Failure {
  const count = (before?.count ?? 0) + 1;
  const delay = delays[Math.min(count, delays.length) - 1] as number;
  return { count, retryAt: now + delay, identity };
}

/** Whether a file with this failure record may be processed now. */
export function mayTry(failure: Failure | undefined, identity: FileIdentity, now: number): boolean {
  if (!failure) return true;
  if (failure.identity && !sameFile(failure.identity, identity)) return true;
  return failure.count < MAX_FAILURES && now >= failure.retryAt;
}
