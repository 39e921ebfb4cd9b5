import { VkError } from '../../../shared/errors.ts';

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
