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

const WITH_VALUE = new Set([
  '-o',
  '--output',
  '--out-dir',
  '--regions',
  '--keep',
  '--purpose',
  '--recipient',
  '--date',
  '--report',
  '--lang',
  '--config',
  '--letter-name',
  '--letter-contact',
]);

function usage(lang: Lang, key: MessageKey, params: Record<string, string> = {}): VkError {
  return new VkError('INVALID_ARGUMENTS', { reason: translate(lang, key, params) });
}

/** Language for messages before --lang is known: the environment's, Dutch by default. */
export function defaultLang(env: Record<string, string | undefined>): Lang {
  const tag = env.VK_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return tag.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function parseArgs(argv: readonly string[], fallbackLang: Lang): ParsedArgs {
  const langIndex = argv.indexOf('--lang');
  const langValue = langIndex >= 0 ? argv[langIndex + 1] : undefined;
  const lang: Lang = isLang(langValue) ? langValue : fallbackLang;
  if (langIndex >= 0 && !isLang(langValue))
    throw usage(lang, 'cli.missing_value', { option: '--lang nl|en' });

  const [command, ...rest] = argv;
  if (
    !command ||
    command === '-h' ||
    command === '--help' ||
    rest.includes('-h') ||
    rest.includes('--help')
  ) {
    return { command: 'help', lang };
  }
  if (command !== 'redact' && command !== 'demo' && command !== 'watch')
    throw usage(lang, 'cli.unknown_option', { option: command });

  const args: RedactArgs = {
    command,
    inputs: [],
    output: null,
    outDir: null,
    regionsFile: null,
    detect: true,
    keep: [],
    purpose: 'inzage',
    recipient: '',
    date: null,
    watermark: true,
    report: null,
    letterName: null,
    letterContact: '',
    config: null,
    lang,
    given: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('-')) {
      args.inputs.push(arg);
      continue;
    }
    args.given.push(arg);
    if (arg === '--no-detect') args.detect = false;
    else if (arg === '--no-watermark') args.watermark = false;
    else if (WITH_VALUE.has(arg)) {
      const value = rest[++i];
      if (value === undefined) throw usage(lang, 'cli.missing_value', { option: arg });
      applyValue(args, arg, value);
    } else throw usage(lang, 'cli.unknown_option', { option: arg });
  }
  validate(args);
  return args;
}

function applyValue(args: RedactArgs, option: string, value: string): void {
  switch (option) {
    case '-o':
    case '--output':
      args.output = value;
      break;
    case '--out-dir':
      args.outDir = value;
      break;
    case '--regions':
      args.regionsFile = value;
      break;
    case '--keep':
      for (const kind of value
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)) {
        if (!isRegionKind(kind) || kind === 'manual')
          throw usage(args.lang, 'cli.bad_kind', { kind });
        args.keep.push(kind);
      }
      break;
    case '--purpose':
      args.purpose = value;
      break;
    case '--recipient':
      args.recipient = value;
      break;
    case '--date':
      if (!isIsoDate(value)) throw usage(args.lang, 'cli.bad_date');
      args.date = value;
      break;
    case '--report':
      args.report = value;
      break;
    case '--config':
      args.config = value;
      break;
    case '--letter-name':
      args.letterName = value;
      break;
    case '--letter-contact':
      args.letterContact = value.replace(/;\s*/g, '\n');
      break;
  }
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
