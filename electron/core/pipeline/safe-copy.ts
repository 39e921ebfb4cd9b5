import { intersectBoxes, unionBoxes, type Box, type Region } from '../../../shared/regions.ts';
import { grownShape } from '../../../shared/shapes.ts';
import type { RedactSettings } from '../../../shared/settings.ts';
import type { Warning } from '../../../shared/warnings.ts';
import { watermarkText } from '../../../shared/watermark-text.ts';
import { burnRegions } from './burn.ts';
import type { SideDetection } from './side-detection.ts';
import type { Engines } from './engines.ts';
import { padFinding, type Plan } from './plan.ts';
import type { RawImage } from './raw-image.ts';
import { selfCheck, type LeakHit, type SelfCheckResult } from './self-check.ts';
import { timed } from './timing.ts';
import { applyWatermark } from './watermark.ts';

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

/** A self-check hit as a region: text gets its usual margin; a face's hit is its portrait already. */
function hitRegion(hit: LeakHit, n: number): Region {
  const grow = (b: Box): Box => (hit.kind === 'photo' ? b : padFinding(hit.kind, b));
  // On a tilted document the hit is a quadrilateral: grown along its own axes.
  const shape = grownShape(hit.box, hit.shape, grow);
  return {
    id: `check-${hit.side}-${n}`,
    kind: hit.kind,
    shape,
    source: 'auto',
    confidence: 0.9,
    label: 'still readable after redaction',
    side: hit.side,
  };
}

/** The part of `box` on the image (all of it when the image is not known). */
function onImage(box: Box, img: RawImage | undefined): Box {
  return img ? intersectBoxes(box, { x: 0, y: 0, width: img.width, height: img.height }) : box;
}

/**
 * One warning per kind and side, pointing at all its hits at once, on the side's image: an MRZ
 * band is read out to where its lines would run, past the image's edge on a cropped scan (the
 * German visa's spot ran from x −150 to 749 on a 599 px image).
 */
export function hitWarnings(hits: readonly LeakHit[], images: readonly RawImage[]): Warning[] {
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
            spot: onImage(unionBoxes([first, ...rest].map((h) => h.box)), images[first.side]),
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
  const warnings = hitWarnings(first.hits, images);
  if (!second.ok) warnings.push({ code: 'selfcheck_failed', kinds: second.leaked });
  return { images: out, regions: burned, warnings, check: second };
}
