import { useEffect, useState } from 'react';
import { isApiError } from '../../shared/ipc.ts';
import type { WatermarkSettings } from '../../shared/settings.ts';
import { api } from '../api.ts';
import { activeRegions, useStore } from '../state/store.ts';

/**
 * The safe copy of the current side exactly as it will be exported, rendered by the main process
 * (the same burn and watermark code), refreshed shortly after each change.
 */
export function usePreview(
  watermark: WatermarkSettings | null,
  enabled: boolean,
): Uint8Array | null {
  const job = useStore((s) => s.job);
  const side = useStore((s) => s.side);
  const regions = useStore((s) => s.regions);
  const excluded = useStore((s) => s.excluded);
  const [png, setPng] = useState<Uint8Array | null>(null);
  const key = JSON.stringify(watermark);
  useEffect(() => {
    if (!job || !enabled) return;
    let live = true;
    const timer = setTimeout(async () => {
      const result = await api().preview(
        job.jobId,
        side,
        activeRegions({ regions, excluded }),
        watermark,
      );
      if (live && !isApiError(result)) setPng(result);
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for the watermark object's contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job, side, regions, excluded, key, enabled]);
  return png;
}
