import type { StagePhase } from '../../../shared/progress.ts';
import { VkError } from '../../../shared/errors.ts';
import type { Region } from '../../../shared/regions.ts';
import type { RedactSettings } from '../../../shared/settings.ts';
import type { Warning } from '../../../shared/warnings.ts';
import { detectSide } from './detect.ts';
import type { SideDetection } from './side-detection.ts';
import { closeEngines, createEngines, type Engines } from './engines.ts';
import { withMissingGhostsFound } from './missing-ghosts.ts';
import { planRedaction, type DocumentInfo, type Plan } from './plan.ts';
import type { SelfCheckResult } from './self-check.ts';
import { DEFAULT_LIMITS, type Limits } from '../../../shared/limits.ts';
import { decodeFile } from './input/decoder.ts';
import type { RawImage } from './raw-image.ts';
import { produceSafeCopy, renderSafeCopy } from './safe-copy.ts';
import { stopIfAborted } from './timeout.ts';
import { timed } from './timing.ts';

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

/** Hears each stage of each side start and end (the app's progress). */
export type SideStageListener = (side: number, stage: string, phase: StagePhase) => void;

export interface AnalyzeOptions {
  engines: Engines;
  /** What the person chose to keep readable (the app decides that later, at export). */
  keep?: RedactSettings['keep'];
  /** Cancel or a time limit: the work stops at the next stage, with the signal's reason. */
  signal?: AbortSignal;
  onStage?: SideStageListener;
  timings?: Record<string, number>;
}

/** Detection and planning for loaded sides: what the review screen shows before anything is burned. */
export async function analyzeImages(
  images: readonly RawImage[],
  options: AnalyzeOptions,
): Promise<{ detections: SideDetection[]; plan: Plan }> {
  const { engines, signal, onStage, timings = {} } = options;
  const detections: SideDetection[] = [];
  for (const [side, img] of images.entries()) {
    // Stage boundaries are where a cancelled analysis lets go of its work.
    const listener = (stage: string, phase: StagePhase) => {
      stopIfAborted(signal);
      onStage?.(side, stage, phase);
    };
    const det = await timed(timings, 'detect', () => detectSide(img, engines, listener));
    for (const [stage, ms] of Object.entries(det.timings)) {
      timings[`detect.${stage}`] = (timings[`detect.${stage}`] ?? 0) + ms;
    }
    detections.push(det);
  }
  stopIfAborted(signal);
  const keep = options.keep ?? [];
  const plan = planRedaction(detections, keep);
  const looked = await timed(timings, 'detect.ghost-spot', () =>
    withMissingGhostsFound(images, detections, plan.ghostSpots, engines.faces),
  );
  return looked ? { detections: looked, plan: planRedaction(looked, keep) } : { detections, plan };
}

/**
 * Load and analyse in one: the app's first step. `onSides` hears how many sides the files held
 * once they are decoded (a two-page PDF is one file but two sides).
 */
export async function analyzeDocument(
  files: readonly Buffer[],
  options: AnalyzeOptions & { limits?: Limits; onSides?: (sides: number) => void },
): Promise<{ images: RawImage[]; detections: SideDetection[]; plan: Plan }> {
  const { signal, onStage, timings = {} } = options;
  const images = await timed(
    timings,
    'load',
    () => loadDocument(files, options.limits, signal),
    (stage, phase) => {
      stopIfAborted(signal);
      onStage?.(0, stage, phase);
    },
  );
  options.onSides?.(images.length);
  return { images, ...(await analyzeImages(images, { ...options, timings })) };
}

/**
 * The sides of one document from its files: at most a front and a back, in order. Decoded where
 * a runaway decoder can be stopped; `signal` (Cancel, a time limit) stops it too.
 */
export async function loadDocument(
  files: readonly Buffer[],
  limits: Limits = DEFAULT_LIMITS,
  signal?: AbortSignal,
): Promise<RawImage[]> {
  const pages: RawImage[] = [];
  for (const bytes of files) pages.push(...(await decodeFile(bytes, limits, signal)));
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
    const { detections, plan } = await analyzeImages(images, {
      engines,
      keep: req.settings.keep,
      timings,
    });
    const copy = await produceSafeCopy(
      images,
      [...plan.regions, ...manual],
      req.settings,
      engines,
      req.selfCheck === false ? null : { secrets: plan.secrets, detections },
      timings,
    );
    return {
      sides: copy.images.map((image, side) => ({
        image,
        regions: copy.regions.filter((r) => r.side === side),
      })),
      warnings: [...plan.warnings, ...copy.warnings],
      document: plan.document,
      selfCheck: copy.check,
      timings,
    };
  } finally {
    if (!req.engines) await closeEngines(engines);
  }
}
