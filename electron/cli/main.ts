import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isVkError, VkError } from '../../shared/errors.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { parseRegionsFile } from '../../shared/regions-file.ts';
import { writeFileExclusive } from '../core/pipeline/export/write-atomic.ts';
import { readInputFile } from '../core/pipeline/input/read-file.ts';
import { closeEngines, createEngines } from '../core/pipeline/engines.ts';
import { loadDocument } from '../core/pipeline/index.ts';
import { configSources, findOrgConfig } from '../core/config/org-config.ts';
import { defaultLang, parseArgs, type RedactArgs } from './args.ts';
import { applyOrgConfig } from './org-settings.ts';
import { runWatch } from './watch/watch.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { batchSource, runSources, type Source } from './batch.ts';
import type { CliIo } from './io.ts';
import { refuseOverwritingInputs } from './output-paths.ts';

export type { CliIo } from './io.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_DOCUMENT = path.join(ROOT, 'assets/sample/specimen-nl-passport.jpg');

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
  const report = args.report ? resolve(args.report) : null;
  await refuseOverwritingInputs(inputs, [output, report], args.lang);
  const sources: Source[] = output
    ? [
        {
          label: inputs.join(' + '),
          load: async () => [
            {
              label: inputs.join(' + '),
              output,
              images: await loadDocument(
                await Promise.all(inputs.map(async (f) => (await readInputFile(f)).bytes)),
              ),
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
    if (report) {
      const written = await writeFileExclusive(
        report,
        Buffer.from(JSON.stringify(reports, null, 2)),
      );
      if (written !== report) io.out(translate(args.lang, 'cli.wrote', { path: written }));
    }
    return worst;
  } finally {
    if (engines) await closeEngines(engines);
  }
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
    // An organisation's config is checked before anything is read or written; the
    // administrator's applies to the command line as it does to the app.
    const named = args.config ? path.resolve(io.cwd, args.config) : null;
    const config = await findOrgConfig(configSources(io.env, ROOT, process.platform), named);
    const settings = config ? applyOrgConfig(args, config) : args;
    if (settings.command === 'watch') {
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        return await runWatch(settings, io, { signal: io.signal ?? stop.signal });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    }
    return await runRedact(settings, io);
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
