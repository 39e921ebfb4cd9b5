import { mayKeepKind, type OrgConfig } from '../../../shared/org-config.ts';
import { type Region, type RegionKind } from '../../../shared/regions.ts';
import { coveredShare } from '../../../shared/shapes.ts';
import type { SideDetection } from './side-detection.ts';
import { planRedaction } from './plan.ts';

/** A region counts as still covered when this much of it lies under what the person sends. */
const COVERED = 0.98;

function isCovered(region: Region, by: readonly Region[]): boolean {
  const same = by.filter((r) => r.side === region.side).map((r) => r.shape);
  return coveredShare(region.shape, same) >= COVERED;
}

/**
 * The regions an export burns, whatever the review sent. A kind the person uncovered (unticked,
 * deleted, shrunk) stays readable only if the policy allows it; every automatic region of any
 * other kind is put back. What a kept kind still must hide (the numbers inside a kept MRZ) is
 * added too. Rules that protect people live here, not only in the UI.
 */
export function enforcePolicy(
  detections: readonly SideDetection[],
  sent: readonly Region[],
  config: OrgConfig | null,
): { regions: Region[]; restored: number; kept: RegionKind[] } {
  const full = planRedaction(detections, []).regions;
  const kept = new Set<RegionKind>();
  for (const r of full) if (!isCovered(r, sent) && mayKeepKind(config, r.kind)) kept.add(r.kind);
  const required = planRedaction(detections, [...kept]).regions;
  const missing = required.filter((r) => !isCovered(r, sent));
  return { regions: [...sent, ...missing], restored: missing.length, kept: [...kept] };
}
