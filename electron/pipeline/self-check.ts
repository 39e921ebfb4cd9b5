import { foldConfusables, looksLike } from '../../shared/numbers/ocr-confusion.ts';
import {
  polygonBounds,
  shapeToPolygon,
  type Box,
  type Region,
  type RegionKind,
} from '../../shared/regions.ts';
import type { SideDetection } from './detect.ts';
import type { Engines } from './engines.ts';
import { findMrz } from './find/mrz.ts';
import type { Plan } from './plan.ts';
import type { RawImage } from './raw-image.ts';
import { cropForOcr } from './vision/crop.ts';

export interface SelfCheckResult {
  ok: boolean;
  /** Kinds whose hidden value could still be read in the output. */
  leaked: RegionKind[];
}

const NUMBER_KINDS: RegionKind[] = ['document_number', 'personal_number'];

function shows(text: string, value: string): boolean {
  return looksLike(text, value) || foldConfusables(text).includes(foldConfusables(value));
}

function covered(box: Box, regions: readonly Region[]): boolean {
  const boxes = regions.map((r) => polygonBounds(shapeToPolygon(r.shape)));
  const inside = (x: number, y: number) =>
    boxes.some((b) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height);
  // Sample the inner 80 %: OCR word boxes run a little past the ink.
  for (let i = 0; i <= 4; i++) {
    for (let j = 0; j <= 2; j++) {
      if (
        !inside(
          box.x + box.width * (0.1 + (0.8 * i) / 4),
          box.y + box.height * (0.1 + (0.8 * j) / 2),
        )
      )
        return false;
    }
  }
  return true;
}

/**
 * Confirms nothing hidden is still legible, in two ways. Every place the page text showed a hidden
 * value must lie under a region; and the finished copy is read again, as an attacker would, around
 * every number region and for a readable MRZ. Kinds kept on purpose are skipped.
 */
export async function selfCheck(
  images: readonly RawImage[],
  detections: readonly SideDetection[],
  regions: readonly Region[],
  secrets: Plan['secrets'],
  keep: readonly RegionKind[],
  engines: Engines,
): Promise<SelfCheckResult> {
  const leaked = new Set<RegionKind>();
  for (const [side, img] of images.entries()) {
    const sideRegions = regions.filter((r) => r.side === side);
    const wanted = secrets.filter(
      (s) => !keep.includes(s.kind) && NUMBER_KINDS.includes(s.kind) && s.value.length >= 6,
    );
    for (const line of detections[side]?.lines ?? []) {
      for (const word of line.words) {
        const hit = wanted.find((s) => shows(word.text, s.value));
        if (hit && !covered(word.box, sideRegions)) leaked.add(hit.kind);
      }
    }
    for (const region of sideRegions.filter((r) => NUMBER_KINDS.includes(r.kind))) {
      const b = polygonBounds(shapeToPolygon(region.shape));
      const crop = await cropForOcr(
        img,
        {
          x: b.x - b.height * 2,
          y: b.y - b.height,
          width: b.width + b.height * 4,
          height: b.height * 3,
        },
        2,
      );
      const lines = await engines.ocr.readPage(crop.png);
      const words = lines.flatMap((l) => l.words.map((w) => w.text));
      const hit = wanted.find((s) => words.some((w) => shows(w, s.value)));
      if (hit) leaked.add(hit.kind);
    }
    if (!keep.includes('mrz') && sideRegions.some((r) => r.kind === 'mrz')) {
      const mrz = await findMrz(img, engines.ocr);
      if (mrz?.info?.valid) leaked.add('mrz');
    }
  }
  return { ok: leaked.size === 0, leaked: [...leaked] };
}
