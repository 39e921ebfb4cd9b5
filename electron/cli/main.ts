import { isVkError } from '../../shared/errors.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { defaultLang, parseArgs } from './args.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import type { CliIo } from './io.ts';

export type { CliIo } from './io.ts';

/** The `veilige-kopie` command. Returns the exit code; never throws for bad input. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = defaultLang(io.env);
  try {
    const args = parseArgs(argv, lang);
    if (args.command === 'help') {
      io.out(translate(args.lang, 'cli.help'));
      return EXIT.ok;
    }
    const { runCommand } = await import('./commands.ts');
    return await runCommand(args, io);
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
