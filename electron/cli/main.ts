import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isVkError, VkError } from '../../shared/errors.ts';
import { translate, type Lang } from '../../shared/i18n/translate.ts';
import { parseRegionsFile } from '../../shared/regions-file.ts';
import type { Region } from '../../shared/regions.ts';
import { todayIso, type RedactSettings } from '../../shared/settings.ts';
import { warningKey, type Warning } from '../../shared/warnings.ts';
import { exportCopy, exportFormatFromPath } from '../pipeline/export/index.ts';
import { removeStaleTempFiles, writeFileAtomic } from '../pipeline/export/write-atomic.ts';
import { closeEngines, createEngines, type Engines } from '../pipeline/engines.ts';
import { loadDocument, redactImages, type RedactResult } from '../pipeline/index.ts';
import { loadPages } from '../pipeline/load.ts';
import type { RawImage } from '../pipeline/raw-image.ts';
import { defaultLang, parseArgs, type RedactArgs } from './args.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { buildReport } from './report.ts';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_DOCUMENT = path.join(ROOT, 'assets/sample/specimen-nl-passport.jpg');

function settingsFrom(args: RedactArgs): RedactSettings {
  return {
    detect: args.detect,
    keep: args.keep,
    lang: args.lang,
    watermark: args.watermark
      ? {
          purpose: args.purpose,
          recipient: args.recipient,
          date: args.date ?? todayIso(),
          lang: args.lang,
        }
      : null,
  };
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch {
    throw new VkError('READ_FAILED');
  }
}

function warningText(lang: Lang, w: Warning): string {
  const params: Record<string, string> = {};
  if (w.code === 'missing') params.item = translate(lang, `kind.${w.kind}`);
  if (w.code === 'selfcheck_failed')
    params.items = w.kinds.map((k) => translate(lang, `kind.${k}`)).join(', ');
  return translate(lang, warningKey(w), params);
}

/** One document (one or two sides) to one output file. */
async function redactOne(
  images: RawImage[],
  output: string,
  args: RedactArgs,
  manual: Region[],
  io: CliIo,
  engines: Engines | undefined,
): Promise<RedactResult> {
  const format = exportFormatFromPath(output);
  if (!format)
    throw new VkError('INVALID_ARGUMENTS', { reason: translate(args.lang, 'cli.bad_output_ext') });
  if (format !== 'pdf' && images.length > 1)
    throw new VkError('INVALID_ARGUMENTS', {
      reason: translate(args.lang, 'cli.image_one_side'),
    });
  const result = await redactImages(images, {
    settings: settingsFrom(args),
    extraRegions: manual,
    engines,
  });
  const bytes = await exportCopy(
    result.sides.map((s) => s.image),
    format,
  );
  await removeStaleTempFiles(path.dirname(output));
  await writeFileAtomic(output, bytes);
  const all = result.sides.flatMap((s) => s.regions);
  io.out(translate(args.lang, 'cli.wrote', { path: output }));
  io.out(
    translate(args.lang, 'cli.regions', {
      count: all.length,
      kinds: [...new Set(all.map((r) => translate(args.lang, `kind.${r.kind}`)))].join(', ') || '—',
    }),
  );
  if (result.selfCheck) {
    const leaked = result.selfCheck.leaked.map((k) => translate(args.lang, `kind.${k}`)).join(', ');
    const verdict = result.selfCheck.ok
      ? translate(args.lang, 'cli.selfcheck_ok')
      : translate(args.lang, 'cli.selfcheck_failed', { items: leaked });
    io.out(translate(args.lang, 'cli.selfcheck', { result: verdict }));
  }
  for (const w of result.warnings)
    io.err(translate(args.lang, 'cli.warning', { message: warningText(args.lang, w) }));
  return result;
}

/** A document to write: where it came from (for messages), where it goes, and its sides. */
interface Doc {
  label: string;
  output: string;
  images: RawImage[];
}

/** Where the documents of one run come from; each source is loaded only when its turn comes. */
interface Source {
  label: string;
  load: () => Promise<Doc[]>;
}

/**
 * With --out-dir every input file is its own document; a file of one or two pages is a front
 * (and back), a longer PDF (a scanner batch) holds one document per page.
 */
function batchSource(input: string, outDir: string): Source {
  const name = path.parse(input).name;
  const out = (suffix: string) => path.join(outDir, `${name}${suffix}.veilige-kopie.pdf`);
  return {
    label: input,
    load: async () => {
      const pages = await loadPages(await readInput(input));
      if (pages.length <= 2) return [{ label: input, output: out(''), images: pages }];
      return pages.map((page, i) => ({
        label: `${input} p${i + 1}`,
        output: out(`-p${i + 1}`),
        images: [page],
      }));
    },
  };
}

async function runRedact(args: RedactArgs, io: CliIo): Promise<number> {
  const resolve = (p: string) => path.resolve(io.cwd, p);
  const manual = args.regionsFile
    ? parseRegionsFile(
        await fs.readFile(resolve(args.regionsFile), 'utf8').catch(() => {
          throw new VkError('READ_FAILED');
        }),
      )
    : [];
  if (args.command === 'demo') {
    args.inputs = [SAMPLE_DOCUMENT];
    args.output ??= path.join('out', 'veilige-kopie-demo.pdf');
    await fs.mkdir(path.dirname(resolve(args.output)), { recursive: true });
  }
  const output = args.output ? resolve(args.output) : null;
  const inputs = args.inputs.map(resolve);
  const sources: Source[] = output
    ? [
        {
          label: inputs.join(' + '),
          load: async () => [
            {
              label: inputs.join(' + '),
              output,
              images: await loadDocument(await Promise.all(inputs.map(readInput))),
            },
          ],
        },
      ]
    : inputs.map((input) => batchSource(input, resolve(args.outDir as string)));
  if (args.outDir) await fs.mkdir(resolve(args.outDir), { recursive: true });

  // One set of OCR workers and one face model for the whole batch: start-up is paid once.
  const engines = args.detect ? createEngines() : undefined;
  try {
    const { worst, reports } = await runSources(sources, args, manual, io, engines);
    if (args.report)
      await writeFileAtomic(resolve(args.report), Buffer.from(JSON.stringify(reports, null, 2)));
    return worst;
  } finally {
    if (engines) await closeEngines(engines);
  }
}

async function runSources(
  sources: Source[],
  args: RedactArgs,
  manual: Region[],
  io: CliIo,
  engines: Engines | undefined,
) {
  let worst: number = EXIT.ok;
  const reports = [];
  const single = sources.length === 1;
  for (const source of sources) {
    let label = source.label;
    try {
      const docs = await source.load();
      for (const doc of docs) {
        label = doc.label;
        // Regions from a file describe one document; they never apply across a batch.
        const extra = single && docs.length === 1 ? manual : [];
        const result = await redactOne(doc.images, doc.output, args, extra, io, engines);
        reports.push(buildReport([doc.label], doc.output, result));
        if (result.warnings.length > 0) worst = Math.max(worst, EXIT.needsReview);
      }
    } catch (e) {
      if (!isVkError(e)) throw e;
      io.err(
        `${label}: ${translate(args.lang, 'cli.error', { message: translate(args.lang, e.messageKey, e.params) })}`,
      );
      worst = Math.max(worst, exitCodeFor(e.code));
      if (single) break;
    }
  }
  return { worst, reports };
}

/** The `veilige-kopie` command. Returns the exit code; never throws for bad input. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = defaultLang(io.env);
  try {
    const args = parseArgs(argv, lang);
    if (args.command === 'help') {
      io.out(translate(args.lang, 'cli.help'));
      return EXIT.ok;
    }
    return await runRedact(args, io);
  } catch (e) {
    if (isVkError(e)) {
      io.err(translate(lang, 'cli.error', { message: translate(lang, e.messageKey, e.params) }));
      if (e.code === 'INVALID_ARGUMENTS') io.err(translate(lang, 'cli.help'));
      return exitCodeFor(e.code);
    }
    // Internal errors: the type only, never the message (it could echo document text).
    io.err(`internal error (${e instanceof Error ? e.name : typeof e})`);
    return EXIT.internal;
  }
}
