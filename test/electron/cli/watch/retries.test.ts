import { describe, expect, it } from 'vitest';
import {
  MAX_FAILURES,
  mayTry,
  recordFailure,
  RETRY_DELAYS_MS,
} from '../../../../electron/cli/watch/retries.ts';

const file = { dev: 1, ino: 2, size: 3, mtimeMs: 4 };

describe('retrying a file that failed for reasons outside it', () => {
  it('waits longer after each failure', () => {
    let failure = recordFailure(undefined, file, 0);
    expect(failure.retryAt).toBe(RETRY_DELAYS_MS[0]);
    expect(mayTry(failure, file, RETRY_DELAYS_MS[0] - 1)).toBe(false);
    expect(mayTry(failure, file, RETRY_DELAYS_MS[0])).toBe(true);
    failure = recordFailure(failure, file, 10_000);
    expect(failure).toMatchObject({ count: 2, retryAt: 10_000 + RETRY_DELAYS_MS[1] });
  });

  it('leaves a file alone after the last try, until the file changes', () => {
    let failure = recordFailure(undefined, file, 0);
    for (let i = 1; i < MAX_FAILURES; i++) failure = recordFailure(failure, file, 0);
    expect(mayTry(failure, file, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(mayTry(failure, { ...file, mtimeMs: 5 }, 0)).toBe(true);
  });

  it('tries a file that never failed at once', () => {
    expect(mayTry(undefined, file, 0)).toBe(true);
  });
});
