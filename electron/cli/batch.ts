import path from 'node:path';
import { isVkError, VkError, type ErrorCode } from '../../shared/errors.ts';
import { translate, type Lang } from '../../shared/i18n/translate.ts';
import type { Region } from '../../shared/regions.ts';
import { decodeFile, type Engines, type RawImage } from '../core/pipeline/index.ts';
import { readInputFile } from '../core/files/read-file.ts';
import type { RedactArgs } from './args.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { cliWarning, redactOne } from './redact-one.ts';
import { buildReport } from './report.ts';

/** A document to write: where it came from (for messages), where it goes, and its sides. */
export interface Doc {
  label: string;
  output: string;
  images: RawImage[];
}

/** Where the documents of one run come from; each source is loaded only when its turn comes. */
export interface Source {
  label: string;
  load: () => Promise<Doc[]>;
}

/**
 * With --out-dir every input file is its own document; a file of one or two pages is a front
 * (and back), a longer PDF or TIFF (a scanner batch) holds one document per page. Outputs are
 * named after the input; a name already taken gets a number (see `writeFileExclusive`).
 */
export async function documentsOf(
  input: string,
  bytes: Buffer,
  outDir: string,
  signal?: AbortSignal,
): Promise<Doc[]> {
  const name = path.parse(input).name;
  const out = (suffix: string) => path.join(outDir, `${name}${suffix}.veilige-kopie.pdf`);
  const pages = await decodeFile(bytes, undefined, signal);
  if (pages.length <= 2) return [{ label: input, output: out(''), images: pages }];
  return pages.map((page, i) => ({
    label: `${input} p${i + 1}`,
    output: out(`-p${i + 1}`),
    images: [page],
  }));
}

export function batchSource(input: string, outDir: string): Source {
  return {
    label: input,
    load: async () => documentsOf(input, (await readInputFile(input)).bytes, outDir),
  };
}

/** How one document of a run ended, for the summary (names and outcomes, never content). */
export interface Row {
  label: string;
  /** The copy as written (its name may carry a number), null when none was written. */
  output: string | null;
  outcome: 'done' | 'review' | 'failed';
  note: string;
  /** Why it failed, for a failed row. */
  code?: ErrorCode;
  /** Digest of the written copy's bytes, to verify the file on disk before an input goes. */
  sha256?: string;
}

/** Runs every source in turn; one failing file never stops a batch. */
export async function runSources(
  sources: Source[],
  args: RedactArgs,
  manual: Region[],
  io: CliIo,
  engines: Engines | undefined,
) {
  let worst: number = EXIT.ok;
  const reports = [];
  const rows: Row[] = [];
  const single = sources.length === 1;
  for (const [i, source] of sources.entries()) {
    if (!single) io.status?.(progressBar(i, sources.length, source.label));
    let label = source.label;
    try {
      const docs = await source.load();
      for (const doc of docs) {
        label = doc.label;
        // Regions from a file describe one document; they never apply across a batch.
        const extra = single && docs.length === 1 ? manual : [];
        const { result, output, sha256 } = await redactOne(
          doc.images,
          doc.output,
          args,
          extra,
          io,
          engines,
        );
        reports.push(buildReport([doc.label], output, result));
        const review = result.warnings.length > 0;
        if (review) worst = Math.max(worst, EXIT.needsReview);
        rows.push({
          label: doc.label,
          output,
          outcome: review ? 'review' : 'done',
          note: result.warnings.map((w) => cliWarning(args.lang, w, result.sides.length)).join(' '),
          sha256,
        });
      }
    } catch (caught) {
      // A bug in one file's processing is reported as such and never stops a batch or a watch.
      const e = isVkError(caught) ? caught : new VkError('INTERNAL');
      const message = translate(args.lang, e.messageKey, e.params);
      io.err(`${label}: ${translate(args.lang, 'cli.error', { message })}`);
      worst = Math.max(worst, exitCodeFor(e.code));
      rows.push({ label, output: null, outcome: 'failed', note: message, code: e.code });
      if (single) break;
    }
  }
  io.status?.('');
  if (rows.length > 1) for (const line of summary(rows, args.lang)) io.out(line);
  return { worst, reports, rows };
}

/** `[#####.....] 3/10 name`, redrawn in place on a terminal. */
function progressBar(done: number, total: number, label: string): string {
  const width = 20;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${path.basename(label)}`;
}

/** The table at the end of a batch: one line per document, the counts first. */
export function summary(rows: readonly Row[], lang: Lang): string[] {
  const count = (o: Row['outcome']) => rows.filter((r) => r.outcome === o).length;
  const names = {
    done: translate(lang, 'cli.outcome_done'),
    review: translate(lang, 'cli.outcome_review'),
    failed: translate(lang, 'cli.outcome_failed'),
  };
  const width = Math.max(...Object.values(names).map((n) => n.length));
  return [
    translate(lang, 'cli.summary', {
      done: count('done'),
      review: count('review'),
      failed: count('failed'),
    }),
    ...rows.map((r) => {
      const where = r.output ? ` → ${r.output}` : '';
      const note = r.note ? `  (${r.note})` : '';
      return `  ${names[r.outcome].padEnd(width)}  ${r.label}${where}${note}`;
    }),
  ];
}
