import { createHash } from 'node:crypto';
import path from 'node:path';
import { VkError } from '../../shared/errors.ts';
import { translate, type Lang } from '../../shared/i18n/translate.ts';
import type { Region } from '../../shared/regions.ts';
import { buildLetter } from '../../shared/letter/letter.ts';
import { isPurpose, todayIso, type RedactSettings } from '../../shared/settings.ts';
import { warningSpot, warningText, type Warning } from '../../shared/warnings.ts';
import {
  encodeCopy,
  exportFormatFromPath,
  redactImages,
  renderLetterPages,
  type Engines,
  type RawImage,
  type RedactResult,
} from '../core/pipeline/index.ts';
import { removeStaleTempFiles, writeFileExclusive } from '../core/files/write-atomic.ts';
import type { RedactArgs } from './args.ts';
import type { CliIo } from './io.ts';

export function settingsFrom(args: RedactArgs): RedactSettings {
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

/** A warning for the terminal: the words, and the spot to look at in pixels when known. */
export function cliWarning(lang: Lang, w: Warning, sides: number): string {
  const message = warningText(lang, w, sides);
  const spot = warningSpot(w);
  if (!spot) return message;
  const r = (v: number) => Math.max(0, Math.round(v));
  return translate(lang, 'cli.warning_spot', {
    message,
    x: r(spot.x),
    y: r(spot.y),
    x2: r(spot.x + spot.width),
    y2: r(spot.y + spot.height),
  });
}

/** The request letter's pages when --letter-name asks for one (PDF and an AVG right only). */
async function letterFor(args: RedactArgs, format: string): Promise<RawImage[]> {
  if (args.letterName === null) return [];
  if (format !== 'pdf' || !isPurpose(args.purpose))
    throw new VkError('INVALID_ARGUMENTS', { reason: translate(args.lang, 'cli.letter_needs') });
  return renderLetterPages(
    buildLetter({
      right: args.purpose,
      lang: args.lang,
      requester: { name: args.letterName, contact: args.letterContact },
      recipient: args.recipient,
      date: args.date ?? todayIso(),
    }),
  );
}

/** A written copy: the name it got (never one that existed) and a digest of its bytes. */
export interface Written {
  result: RedactResult;
  output: string;
  sha256: string;
}

/** One document (one or two sides) to a new output file named after `output`. */
export async function redactOne(
  images: RawImage[],
  output: string,
  args: RedactArgs,
  manual: Region[],
  io: CliIo,
  engines: Engines | undefined,
): Promise<Written> {
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
  const bytes = await encodeCopy(
    result.sides.map((s) => s.image),
    format,
    await letterFor(args, format),
  );
  await removeStaleTempFiles(path.dirname(output));
  const written = await writeFileExclusive(output, bytes);
  const all = result.sides.flatMap((s) => s.regions);
  io.out(translate(args.lang, 'cli.wrote', { path: written }));
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
    io.err(
      translate(args.lang, 'cli.warning', {
        message: cliWarning(args.lang, w, result.sides.length),
      }),
    );
  return { result, output: written, sha256: createHash('sha256').update(bytes).digest('hex') };
}
