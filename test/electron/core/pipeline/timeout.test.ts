import { describe, expect, it } from 'vitest';
import { VkError } from '../../../../shared/errors.ts';
import { stopIfAborted, untilAborted } from '../../../../electron/core/pipeline/timeout.ts';

describe('work stopped through an AbortSignal', () => {
  it('answers with the reason the moment the signal aborts, without waiting for stuck work', async () => {
    const stop = new AbortController();
    const stuck = new Promise<never>(() => undefined);
    const answer = untilAborted(stuck, stop.signal);
    stop.abort(new VkError('TIMEOUT', { seconds: 3 }));
    await expect(answer).rejects.toMatchObject({ code: 'TIMEOUT', params: { seconds: 3 } });
  });

  it('calls an abort without a reason of ours a cancel', () => {
    const stop = new AbortController();
    stop.abort();
    expect(() => stopIfAborted(stop.signal)).toThrow(
      expect.objectContaining({ code: 'CANCELLED' }),
    );
  });

  it('passes finished work through and lets go of the signal', async () => {
    const stop = new AbortController();
    expect(await untilAborted(Promise.resolve(7), stop.signal)).toBe(7);
    expect(() => stopIfAborted(stop.signal)).not.toThrow();
  });
});
