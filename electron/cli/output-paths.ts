import { promises as fs } from 'node:fs';
import path from 'node:path';
import { VkError } from '../../shared/errors.ts';
import { translate, type Lang } from '../../shared/i18n/translate.ts';
import { identityNow } from '../core/files/read-file.ts';

/**
 * Refuses a command whose output (the copy, the report) names one of its inputs, by path or as
 * the same file under another name (a link): `redact a.jpg -o a.jpg` must not even start.
 */
export async function refuseOverwritingInputs(
  inputs: readonly string[],
  outputs: readonly (string | null)[],
  lang: Lang,
): Promise<void> {
  for (const output of outputs) {
    if (!output) continue;
    const there = await identityNow(output);
    for (const input of inputs) {
      const here = there && (await identityNow(input));
      const same =
        path.resolve(input) === path.resolve(output) ||
        (!!here && here.dev === there.dev && here.ino === there.ino);
      if (same)
        throw new VkError('INVALID_ARGUMENTS', {
          reason: translate(lang, 'cli.output_is_input', { file: path.basename(output) }),
        });
    }
  }
}

/** Where a folder really is (links resolved), or its resolved path when it does not exist yet. */
export async function realFolder(dir: string): Promise<string> {
  return fs.realpath(dir).catch(() => path.resolve(dir));
}

/** Whether `inner` is `outer` or lies inside it. */
export function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
