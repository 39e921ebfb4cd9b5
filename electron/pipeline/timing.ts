/** Runs `work`, adding its wall time in ms to `timings[stage]` (for reports and the bench). */
export async function timed<T>(
  timings: Record<string, number>,
  stage: string,
  work: () => Promise<T>,
): Promise<T> {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    timings[stage] = (timings[stage] ?? 0) + Math.round(performance.now() - t0);
  }
}
