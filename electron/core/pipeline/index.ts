import type { StagePhase } from '../../../shared/progress.ts';
import { VkError } from '../../../shared/errors.ts';
import { boxToRect, unionBoxes, type Box, type Region } from '../../../shared/regions.ts';
import { growTurned } from '../../../shared/shapes.ts';
import type { RedactSettings } from '../../../shared/settings.ts';
import type { Warning } from '../../../shared/warnings.ts';
import { watermarkText } from '../../../shared/watermark-text.ts';
import { burnRegions } from './burn.ts';
import { detectSide, type SideDetection } from './detect.ts';
import { closeEngines, createEngines, type Engines } from './engines.ts';
import { padFinding, planRedaction, type DocumentInfo, type Plan } from './plan.ts';
import { selfCheck, type LeakHit, type SelfCheckResult } from './self-check.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { decodeFile } from './input/decoder.ts';
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
    const { detections, plan } = await analyzeImages(images, req.settings.keep, engines, timings);
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

/** What the self-check knows from the analysis: the values read and the page text seen. */
export interface CheckContext {
  secrets: Plan['secrets'];
  detections: readonly SideDetection[];
}

export interface SafeCopy {
  images: RawImage[];
  /** The regions burned: those given, and any the self-check added. */
  regions: Region[];
  warnings: Warning[];
  check: SelfCheckResult | null;
}

/** A self-check hit as a region: text gets its usual margin, a face the portrait around it. */
function hitRegion(hit: LeakHit, n: number): Region {
  const grow = (b: Box): Box =>
    hit.kind === 'photo'
      ? {
          x: b.x - 0.45 * b.width,
          y: b.y - 0.6 * b.height,
          width: 1.9 * b.width,
          height: 2.2 * b.height,
        }
      : padFinding(hit.kind, b);
  // On a tilted document the hit is a turned rectangle: grown along its own axes.
  const rect = hit.shape ? growTurned(hit.shape, grow) : boxToRect(grow(hit.box));
  return {
    id: `check-${hit.side}-${n}`,
    kind: hit.kind,
    shape: { type: 'rect', rect },
    source: 'auto',
    confidence: 0.9,
    label: 'still readable after redaction',
    side: hit.side,
  };
}

/** One warning per kind and side, pointing at all its hits at once. */
function hitWarnings(hits: readonly LeakHit[]): Warning[] {
  const groups = new Map<string, LeakHit[]>();
  for (const h of hits) {
    const key = `${h.side}:${h.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  return [...groups.values()].flatMap(([first, ...rest]) =>
    first
      ? [
          {
            code: 'selfcheck_found' as const,
            kind: first.kind,
            side: first.side,
            spot: unionBoxes([first, ...rest].map((h) => h.box)),
          },
        ]
      : [],
  );
}

/**
 * Renders the copy and proves it, the one path for the CLI and the app: watermark and burn, then
 * the independent self-check. What it can still read is blacked out as well and the copy checked
 * once more; every such find is a warning, so the copy is never called clean by luck.
 */
export async function produceSafeCopy(
  images: readonly RawImage[],
  regions: readonly Region[],
  settings: RedactSettings,
  engines: Engines,
  context: CheckContext | null,
  timings: Record<string, number> = {},
): Promise<SafeCopy> {
  let burned = [...regions];
  let out = await timed(timings, 'render', () => renderSafeCopy(images, burned, settings));
  if (!context) return { images: out, regions: burned, warnings: [], check: null };
  const check = () =>
    timed(timings, 'selfcheck', () =>
      selfCheck(out, burned, context.secrets, settings.keep, engines, context.detections),
    );
  const first = await check();
  if (first.ok) return { images: out, regions: burned, warnings: [], check: first };
  burned = [...burned, ...first.hits.map(hitRegion)];
  out = await timed(timings, 'render', () => renderSafeCopy(images, burned, settings));
  const second = await check();
  const warnings = hitWarnings(first.hits);
  if (!second.ok) warnings.push({ code: 'selfcheck_failed', kinds: second.leaked });
  return { images: out, regions: burned, warnings, check: second };
}
