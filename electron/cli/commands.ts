import { promises as fs } from 'node:fs';
import path from 'node:path';
import { VkError } from '../../shared/errors.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { parseRegionsFile } from './regions-file.ts';
import {
  closeEngines,
  createEngines,
  loadDocument,
  programRoot,
  warmEngines,
} from '../core/pipeline/index.ts';
import { readInputFile } from '../core/files/read-file.ts';
import { writeFileExclusive } from '../core/files/write-atomic.ts';
import { configSources, findOrgConfig } from '../core/config/org-config.ts';
import type { RedactArgs } from './args.ts';
import { SAMPLE_DOCUMENT } from './sample.ts';
import { applyOrgConfig } from './org-settings.ts';
import { runWatch } from './watch/watch.ts';
import { batchSource, runSources, type Source } from './batch.ts';
import type { CliIo } from './io.ts';
import { refuseOverwritingInputs } from './output-paths.ts';

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
  if (engines) void warmEngines(engines);
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

/**
 * A redact, demo or watch command, once its arguments are understood. Loaded only then: it
 * brings the pipeline (OCR, images, PDF), which `--help` and a typo never need.
 */
export async function runCommand(args: RedactArgs, io: CliIo): Promise<number> {
  // An organisation's config is checked before anything is read or written; the
  // administrator's applies to the command line as it does to the app.
  const named = args.config ? path.resolve(io.cwd, args.config) : null;
  const config = await findOrgConfig(configSources(io.env, programRoot(), process.platform), named);
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
}
