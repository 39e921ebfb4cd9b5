import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';
import { VkError } from '../../shared/errors.ts';
import { isLang, type Lang, translate, type MessageKey } from '../../shared/i18n/translate.ts';
import { isRegionKind, type RegionKind } from '../../shared/regions.ts';
import { isIsoDate } from '../../shared/settings.ts';

export interface RedactArgs {
  command: 'redact' | 'demo' | 'watch';
  inputs: string[];
  output: string | null;
  outDir: string | null;
  regionsFile: string | null;
  detect: boolean;
  keep: RegionKind[];
  purpose: string;
  recipient: string;
  date: string | null;
  watermark: boolean;
  report: string | null;
  /** The requester's name for an AVG request letter before the copy; null: no letter. */
  letterName: string | null;
  /** The requester's address, e-mail or phone, lines separated by ";" or new lines. */
  letterContact: string;
  /** An organisation's config file (validated before anything else happens). */
  config: string | null;
  lang: Lang;
  /** The options written on the command line (an organisation may forbid some). */
  given: string[];
}

export type ParsedArgs = { command: 'help'; lang: Lang } | RedactArgs;

/** The options, as Node's own parser takes them (`--out-dir=x` and `--out-dir x` alike). */
const OPTIONS = {
  output: { type: 'string', short: 'o' },
  'out-dir': { type: 'string' },
  regions: { type: 'string' },
  keep: { type: 'string', multiple: true },
  purpose: { type: 'string' },
  recipient: { type: 'string' },
  date: { type: 'string' },
  report: { type: 'string' },
  lang: { type: 'string' },
  config: { type: 'string' },
  'letter-name': { type: 'string' },
  'letter-contact': { type: 'string' },
  'no-detect': { type: 'boolean' },
  'no-watermark': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

function usage(lang: Lang, key: MessageKey, params: Record<string, string> = {}): VkError {
  return new VkError('INVALID_ARGUMENTS', { reason: translate(lang, key, params) });
}

/** Language for messages before --lang is known: the environment's, Dutch by default. */
export function defaultLang(env: Record<string, string | undefined>): Lang {
  const tag = env.VK_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return tag.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** The --lang value wherever it is written, so that even a usage error speaks it. */
function langOf(argv: readonly string[], fallback: Lang): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return fallback;
  const arg = argv[i] as string;
  const value = arg.includes('=') ? arg.slice('--lang='.length) : argv[i + 1];
  if (!isLang(value)) throw usage(fallback, 'cli.missing_value', { option: '--lang nl|en' });
  return value;
}

/** Node's parser errors name the option in quotes; ours say what to do about it. */
function usageFor(e: unknown, lang: Lang): VkError {
  const code = (e as { code?: string }).code;
  const option = /'([^']+)'/.exec(e instanceof Error ? e.message : '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return usage(lang, 'cli.missing_value', { option: option.split(' ')[0] ?? option });
  return usage(lang, 'cli.unknown_option', { option });
}

function readArgv(argv: readonly string[]) {
  return parseNodeArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
    tokens: true,
  });
}

export function parseArgs(argv: readonly string[], fallbackLang: Lang): ParsedArgs {
  const lang = langOf(argv, fallbackLang);
  let parsed: ReturnType<typeof readArgv>;
  try {
    parsed = readArgv(argv);
  } catch (e) {
    // Asking for help never fails on the rest of the line.
    if (argv.includes('-h') || argv.includes('--help')) return { command: 'help', lang };
    throw usageFor(e, lang);
  }
  const { values: v, positionals, tokens } = parsed;
  const [command, ...inputs] = positionals;
  if (!command || v.help) return { command: 'help', lang };
  if (command !== 'redact' && command !== 'demo' && command !== 'watch')
    throw usage(lang, 'cli.unknown_option', { option: command });

  const keep: RegionKind[] = [];
  for (const kind of (v.keep ?? []).flatMap((k) => k.split(',').map((x) => x.trim()))) {
    if (!kind) continue;
    if (!isRegionKind(kind) || kind === 'manual') throw usage(lang, 'cli.bad_kind', { kind });
    keep.push(kind);
  }
  if (v.date !== undefined && !isIsoDate(v.date)) throw usage(lang, 'cli.bad_date');
  const args: RedactArgs = {
    command,
    inputs,
    output: v.output ?? null,
    outDir: v['out-dir'] ?? null,
    regionsFile: v.regions ?? null,
    detect: !v['no-detect'],
    keep,
    purpose: v.purpose ?? 'inzage',
    recipient: v.recipient ?? '',
    date: v.date ?? null,
    watermark: !v['no-watermark'],
    report: v.report ?? null,
    letterName: v['letter-name'] ?? null,
    letterContact: (v['letter-contact'] ?? '').replace(/;\s*/g, '\n'),
    config: v.config ?? null,
    lang,
    given: tokens.flatMap((t) => (t.kind === 'option' ? [t.rawName] : [])),
  };
  validate(args);
  return args;
}

function validate(args: RedactArgs): void {
  if (args.command === 'demo') return;
  if (args.command === 'watch') {
    if (args.inputs.length !== 1 || !args.outDir || args.output)
      throw usage(args.lang, 'cli.watch_usage');
    return;
  }
  if (args.inputs.length === 0) throw usage(args.lang, 'cli.need_input');
  if (!args.output && !args.outDir) throw usage(args.lang, 'cli.need_output');
  if (args.output) {
    if (args.inputs.length > 2) throw usage(args.lang, 'cli.too_many_inputs');
    const ext = args.output.toLowerCase().split('.').pop();
    if (!['pdf', 'png', 'jpg', 'jpeg'].includes(ext ?? ''))
      throw usage(args.lang, 'cli.bad_output_ext');
    if (ext !== 'pdf' && args.inputs.length === 2) throw usage(args.lang, 'cli.image_one_side');
  }
}
