import { isVkError } from '../../../shared/errors.ts';
import type { ApiResult, ExportFormat } from '../../../shared/ipc.ts';
import type { RegionKind } from '../../../shared/regions.ts';
import type { RedactSettings, WatermarkSettings } from '../../../shared/settings.ts';

// Small pure pieces of what the service answers: its errors, a default file name, the settings
// a copy is made with.

/** Runs a call; an error becomes its code and params, never an internal message. */
export async function guard<T>(work: () => Promise<T>): Promise<ApiResult<T>> {
  try {
    return await work();
  } catch (e) {
    if (isVkError(e)) return { error: e.code, params: e.params };
    // Never pass internal messages on: they could echo document text.
    return { error: 'INTERNAL', params: {} };
  }
}

/** Default export names carry the date only, never a name or number from the document. */
export function suggestedFileName(format: ExportFormat, now = new Date()): string {
  const d = now.toISOString().slice(0, 10);
  return `veilige-kopie-${d}.${format === 'jpeg' ? 'jpg' : format}`;
}

/** The settings a copy is made with in the app: detection on, the kinds kept, the watermark. */
export function copySettings(
  watermark: WatermarkSettings | null,
  keep: RegionKind[],
): RedactSettings {
  return { detect: true, keep, lang: watermark?.lang ?? 'nl', watermark };
}
