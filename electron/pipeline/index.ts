import type { StagePhase } from '../../shared/progress.ts';
import { VkError } from '../../shared/errors.ts';
import type { Region } from '../../shared/regions.ts';
import type { RedactSettings } from '../../shared/settings.ts';
import type { Warning } from '../../shared/warnings.ts';
import { watermarkText } from '../../shared/watermark-text.ts';
import { burnRegions } from './burn.ts';
import { detectSide, type SideDetection } from './detect.ts';
import { closeEngines, createEngines, type Engines } from './engines.ts';
import { planRedaction, type DocumentInfo, type Plan } from './plan.ts';
import { selfCheck, type SelfCheckResult } from './self-check.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { loadPages } from './load.ts';
import type { RawImage } from './raw-image.ts';
import { timed } from './timing.ts';
import { applyWatermark } from './watermark.ts';

export interface RedactOptions {
  settings: RedactSettings;
  /** Regions given by the person (or a file); always burned, whatever `keep` says. */
  extraRegions?: Region[];
  /** Reuse started OCR/face engines across documents (batch, app); created per call otherwise. */
  engines?: Engines;
  /** Re-read the output to confirm nothing hidden is still legible (default: on with detection). */
  selfCheck?: boolean;
}

export interface RedactRequest extends RedactOptions {
  /** The document's files: front and back, or one PDF holding both. */
  sides: Buffer[];
  limits?: Limits;
}

export interface RedactedSide {
  image: RawImage;
  regions: Region[];
}

export interface RedactResult {
  sides: RedactedSide[];
  warnings: Warning[];
  document: DocumentInfo | null;
  selfCheck: SelfCheckResult | null;
  timings: Record<string, number>;
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

/** Detection and planning for loaded sides: what the review screen shows before anything is burned. */
export async function analyzeImages(
  images: readonly RawImage[],
  keep: RedactSettings['keep'],
  engines: Engines,
  timings: Record<string, number> = {},
  onStage?: (side: number, stage: string, phase: StagePhase) => void,
): Promise<{ detections: SideDetection[]; plan: Plan }> {
  const detections: SideDetection[] = [];
  for (const [side, img] of images.entries()) {
    const det = await timed(timings, 'detect', () =>
      detectSide(img, engines, onStage && ((stage, phase) => onStage(side, stage, phase))),
    );
    for (const [stage, ms] of Object.entries(det.timings)) {
      timings[`detect.${stage}`] = (timings[`detect.${stage}`] ?? 0) + ms;
    }
    detections.push(det);
  }
  return { detections, plan: planRedaction(detections, keep) };
}

/** The sides of one document from its files: at most a front and a back, in order. */
export async function loadDocument(
  files: readonly Buffer[],
  limits: Limits = DEFAULT_LIMITS,
): Promise<RawImage[]> {
  const pages = (await Promise.all(files.map((bytes) => loadPages(bytes, limits)))).flat();
  if (pages.length > 2) throw new VkError('TOO_MANY_SIDES', { sides: pages.length });
  return pages;
}

/** The whole job for CLI and tests: load, detect, plan, burn, watermark, self-check. */
export async function redactDocument(req: RedactRequest): Promise<RedactResult> {
  const timings: Record<string, number> = {};
  const images = await timed(timings, 'load', () => loadDocument(req.sides, req.limits));
  return redactImages(images, req, timings);
}

/** The job on sides already loaded (e.g. one page picked from a many-page PDF). */
export async function redactImages(
  images: RawImage[],
  req: RedactOptions,
  timings: Record<string, number> = {},
): Promise<RedactResult> {
  const manual = (req.extraRegions ?? []).filter((r) => r.side < images.length);
  if (!req.settings.detect) {
    const out = await timed(timings, 'render', () => renderSafeCopy(images, manual, req.settings));
    return {
      sides: out.map((image, side) => ({ image, regions: manual.filter((r) => r.side === side) })),
      warnings: [],
      document: null,
      selfCheck: null,
      timings,
    };
  }

  const engines = req.engines ?? createEngines();
  try {
    const { detections, plan } = await analyzeImages(images, req.settings.keep, engines, timings);
    const regions = [...plan.regions, ...manual];
    const out = await timed(timings, 'render', () => renderSafeCopy(images, regions, req.settings));
    const check =
      req.selfCheck === false
        ? null
        : await timed(timings, 'selfcheck', () =>
            selfCheck(out, detections, regions, plan.secrets, req.settings.keep, engines),
          );
    const warnings = [...plan.warnings];
    if (check && !check.ok) warnings.push({ code: 'selfcheck_failed', kinds: check.leaked });
    return {
      sides: out.map((image, side) => ({ image, regions: regions.filter((r) => r.side === side) })),
      warnings,
      document: plan.document,
      selfCheck: check,
      timings,
    };
  } finally {
    if (!req.engines) await closeEngines(engines);
  }
}
