import type { Region } from '../../shared/regions.ts';
import type { RedactSettings } from '../../shared/settings.ts';
import type { Warning } from '../../shared/warnings.ts';
import { watermarkText } from '../../shared/watermark-text.ts';
import { burnRegions } from './burn.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { loadImage } from './load.ts';
import type { RawImage } from './raw-image.ts';
import { applyWatermark } from './watermark.ts';

export interface RedactRequest {
  /** One buffer per side: front, and optionally back. */
  sides: Buffer[];
  settings: RedactSettings;
  /** Regions given by the person (or a file); always burned, whatever `keep` says. */
  extraRegions?: Region[];
  limits?: Limits;
}

export interface RedactedSide {
  image: RawImage;
  regions: Region[];
}

export interface RedactResult {
  sides: RedactedSide[];
  warnings: Warning[];
  timings: Record<string, number>;
}

async function timed<T>(timings: Record<string, number>, stage: string, work: () => Promise<T>) {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    timings[stage] = (timings[stage] ?? 0) + Math.round(performance.now() - t0);
  }
}

/**
 * Stamps the watermark, then burns the regions of each side into its pixels. Burning last keeps
 * every redacted pixel exactly black (a semi-transparent stamp over black would tint it).
 */
export async function renderSafeCopy(
  images: readonly RawImage[],
  regions: readonly Region[],
  settings: RedactSettings,
): Promise<RawImage[]> {
  const text = settings.watermark ? watermarkText(settings.watermark) : null;
  return Promise.all(
    images.map(async (img, side) => {
      const stamped = text ? await applyWatermark(img, text) : img;
      return burnRegions(
        stamped,
        regions.filter((r) => r.side === side),
      );
    }),
  );
}

/** The whole job for CLI and tests: load, (detect), burn, watermark. */
export async function redactDocument(req: RedactRequest): Promise<RedactResult> {
  const timings: Record<string, number> = {};
  const limits = req.limits ?? DEFAULT_LIMITS;
  const images = await timed(timings, 'load', () =>
    Promise.all(req.sides.map((bytes) => loadImage(bytes, limits))),
  );
  const regions = (req.extraRegions ?? []).filter((r) => r.side < images.length);
  const out = await timed(timings, 'render', () => renderSafeCopy(images, regions, req.settings));
  return {
    sides: out.map((image, side) => ({ image, regions: regions.filter((r) => r.side === side) })),
    warnings: [],
    timings,
  };
}
