// The realistic holdout for `npm run bench`: documents as people send them, measured only.
import type { RegionKind } from '../../shared/regions.ts';
import type { Engines } from '../../electron/core/pipeline/engines.ts';
import { redactDocument } from '../../electron/core/pipeline/index.ts';
import { loadImage } from '../../electron/core/pipeline/load.ts';
import {
  blackCoverage,
  blackenedShare,
  OVER_REDACTION_THRESHOLD,
  RECALL_THRESHOLD,
} from '../synth/evaluate.ts';
import type { RealisticFile } from '../synth/realistic.ts';

export interface FileScore {
  file: RealisticFile;
  secrets: { kind: RegionKind; coverage: number }[];
  fields: { field: string; share: number }[];
  ms: number;
  /** Why no copy was made, when none was. */
  error?: string;
}

const settings = { detect: true, keep: [], lang: 'nl' as const, watermark: null };

export async function scoreFile(file: RealisticFile, engines: Engines): Promise<FileScore> {
  const t0 = performance.now();
  const input = await loadImage(file.bytes);
  // A document the app gives up on (an error instead of a copy) leaves every region unredacted.
  const result = await redactDocument({ sides: [file.bytes], settings, engines }).catch(
    (e: Error) => ({ error: e.message }),
  );
  const ms = performance.now() - t0;
  const out = 'error' in result ? input : result.sides[0]!.image;
  return {
    file,
    ms,
    error: 'error' in result ? result.error : undefined,
    secrets: file.secrets.map((s) => ({ kind: s.kind, coverage: blackCoverage(out, s.polygon) })),
    fields: file.keep.map((k) => ({
      field: k.field ?? 'field',
      share: blackenedShare(input, out, k.polygon),
    })),
  };
}

const pct = (hit: number, total: number) =>
  total === 0 ? '    –' : `${((100 * hit) / total).toFixed(1).padStart(5)} %`;

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return new Map([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

const clean = (s: FileScore) => s.secrets.every((x) => x.coverage >= RECALL_THRESHOLD);

/** The report the issue asks for: per kind × capture, histograms, clean images, fields. */
export function report(scores: readonly FileScore[]): string[] {
  const lines: string[] = [];
  const captures = [...new Set(scores.map((s) => s.file.capture))].sort();
  const regions = scores.flatMap((s) => s.secrets.map((x) => ({ ...x, capture: s.file.capture })));
  const failed = scores.filter((s) => s.error);
  lines.push(
    `No copy made (an error instead): ${failed.length}${failed.length ? ' — ' + failed.map((s) => `${s.file.name}: ${s.error}`).join('; ') : ''}`,
  );
  lines.push(
    `Sensitive regions ≥ 98 % black, per kind × capture (${regions.length} regions, ${scores.length} images):`,
  );
  lines.push(`  ${'kind'.padEnd(16)} ${['all', ...captures].map((c) => c.padStart(12)).join('')}`);
  for (const [kind, rs] of groupBy(regions, (r) => r.kind)) {
    const cells = ['all', ...captures].map((c) => {
      const sel = c === 'all' ? rs : rs.filter((r) => r.capture === c);
      return pct(sel.filter((r) => r.coverage >= RECALL_THRESHOLD).length, sel.length).padStart(12);
    });
    lines.push(`  ${kind.padEnd(16)} ${cells.join('')}`);
  }
  const all = regions.filter((r) => r.coverage >= RECALL_THRESHOLD).length;
  lines.push(`  ${'all kinds'.padEnd(16)} ${pct(all, regions.length).padStart(12)}`);

  lines.push(
    'Coverage histogram per kind (share of the region black: <50 | 50–90 | 90–98 | ≥98 %):',
  );
  for (const [kind, rs] of groupBy(regions, (r) => r.kind)) {
    const bins = [0, 0, 0, 0];
    for (const r of rs)
      bins[r.coverage < 0.5 ? 0 : r.coverage < 0.9 ? 1 : r.coverage < 0.98 ? 2 : 3]!++;
    lines.push(`  ${kind.padEnd(16)} ${bins.map((b) => String(b).padStart(5)).join(' |')}`);
  }

  lines.push('Images fully clean, per capture × orientation:');
  for (const [group, ss] of groupBy(scores, (s) => `${s.file.capture} / ${s.file.orientation}`))
    lines.push(
      `  ${group.padEnd(28)} ${pct(ss.filter(clean).length, ss.length)} (${ss.filter(clean).length}/${ss.length})`,
    );
  lines.push(`  ${'all'.padEnd(28)} ${pct(scores.filter(clean).length, scores.length)}`);
  const phones = scores.filter((s) => s.file.capture !== 'scan' && s.file.capture !== 'clean');
  lines.push(`  ${'phone photos'.padEnd(28)} ${pct(phones.filter(clean).length, phones.length)}`);

  const fields = scores.flatMap((s) => s.fields);
  lines.push('Identity fields over-redacted (> 10 % blacked), per field:');
  for (const [field, fs] of groupBy(fields, (f) => f.field)) {
    const over = fs.filter((f) => f.share > OVER_REDACTION_THRESHOLD).length;
    lines.push(`  ${field.padEnd(16)} ${pct(over, fs.length)} (${over}/${fs.length})`);
  }
  const overAll = fields.filter((f) => f.share > OVER_REDACTION_THRESHOLD).length;
  lines.push(`  ${'all fields'.padEnd(16)} ${pct(overAll, fields.length)}`);
  return lines;
}
