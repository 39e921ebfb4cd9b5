import { expect } from 'vitest';
import type { RawImage } from '../../electron/core/pipeline/raw-image.ts';
import {
  blackCoverage,
  blackenedShare,
  OVER_REDACTION_THRESHOLD,
  RECALL_THRESHOLD,
} from '../synth/evaluate.ts';
import type { TruthPolygon } from '../synth/variants.ts';

/** Every secret black, every identity field still readable: what a safe copy means. */
export function expectSafeCopy(
  input: RawImage,
  output: RawImage,
  truth: { name: string; secrets: TruthPolygon[]; keep: TruthPolygon[] },
): void {
  for (const s of truth.secrets) {
    expect(blackCoverage(output, s.polygon), `${truth.name}: ${s.kind}`).toBeGreaterThanOrEqual(
      RECALL_THRESHOLD,
    );
  }
  for (const k of truth.keep) {
    expect(
      blackenedShare(input, output, k.polygon),
      `${truth.name}: identity field`,
    ).toBeLessThanOrEqual(OVER_REDACTION_THRESHOLD);
  }
}
