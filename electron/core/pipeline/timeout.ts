import { isVkError, VkError } from '../../../shared/errors.ts';

/** Rejects with a TIMEOUT error when `work` does not settle within `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new VkError('TIMEOUT', { seconds: Math.round(ms / 1000) })),
      ms,
    );
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why a signal stopped the work, as the error the person is shown: its own, or "cancelled". */
export function abortError(signal: AbortSignal): VkError {
  return isVkError(signal.reason) ? signal.reason : new VkError('CANCELLED');
}

/** Throws the signal's error once it has aborted: called where work may stop cleanly. */
export function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/** `work`, or the signal's error the moment it aborts: a stuck step is not waited for. */
export async function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  stopIfAborted(signal);
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
