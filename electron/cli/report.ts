import type { RedactResult } from '../core/pipeline/index.ts';

/** The --report JSON: what was covered and how long it took. Never the hidden values. */
export function buildReport(inputs: string[], output: string, result: RedactResult) {
  return {
    inputs,
    output,
    regions: result.sides.flatMap((s) =>
      s.regions.map(({ kind, shape, source, confidence, label, side }) => ({
        kind,
        shape,
        source,
        confidence,
        label,
        side,
      })),
    ),
    document: result.document,
    warnings: result.warnings,
    selfCheck: result.selfCheck,
    timingsMs: result.timings,
  };
}
