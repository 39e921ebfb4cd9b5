import type { StagePhase } from '../../../shared/progress.ts';

/** Hears each stage start and end (progress in the app). Throwing from it stops the job there. */
export type StageListener = (stage: string, phase: StagePhase) => void;

/**
 * Runs `work`, adding its wall time in ms to `timings[stage]` (for reports and the bench) and
 * telling `listener` when it starts and ends.
 */
export async function timed<T>(
  timings: Record<string, number>,
  stage: string,
  work: () => Promise<T>,
  listener?: StageListener,
): Promise<T> {
  listener?.(stage, 'start');
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    timings[stage] = (timings[stage] ?? 0) + Math.round(performance.now() - t0);
    listener?.(stage, 'done');
  }
}
