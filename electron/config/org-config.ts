import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import localize from 'ajv-i18n';
import { VkError } from '../../shared/errors.ts';
import { translate, type Lang, type MessageKey } from '../../shared/i18n/translate.ts';
import { ORG_CONFIG_SCHEMA, orgConfigProblem, type OrgConfig } from '../../shared/org-config.ts';

/** The file name looked for next to the installed app and in the system-wide folder. */
export const CONFIG_FILE_NAME = 'veilige-kopie.config.json';
const MAX_CONFIG_BYTES = 256 * 1024;

const validate = new Ajv({ allErrors: false, strict: true }).compile<OrgConfig>(ORG_CONFIG_SCHEMA);

/**
 * The config is refused before anything else runs, so its language setting cannot be trusted to
 * say how to word the refusal: the reason travels in both languages (`reason`, `reason_nl`), and
 * each message template picks its own.
 */
function invalid(file: string, reason: Record<Lang, string>): VkError {
  return new VkError('INVALID_CONFIG', {
    file: path.basename(file),
    reason: reason.en,
    reason_nl: reason.nl,
  });
}

function worded(key: MessageKey, params: Record<string, string> = {}): Record<Lang, string> {
  return { en: translate('en', key, params), nl: translate('nl', key, params) };
}

/** A schema error in words: where, what (ajv's text, localised by ajv-i18n), and which value. */
function schemaReason(err: ErrorObject | undefined): Record<Lang, string> {
  const say = (lang: Lang) => {
    const copy = err ? [{ ...err }] : [];
    if (lang === 'nl') localize.nl(copy);
    const e = copy[0];
    const where = e?.instancePath || '/';
    const extra =
      e?.keyword === 'additionalProperties'
        ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"`
        : e?.keyword === 'enum'
          ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
          : '';
    return `${where} ${e?.message ?? translate(lang, 'config.invalid')}${extra}`;
  };
  return { en: say('en'), nl: say('nl') };
}

/**
 * Reads and checks an organisation's config file. Any problem stops here with the file name
 * and a short reason, before the app or a command does anything else.
 */
export async function loadOrgConfig(file: string): Promise<OrgConfig> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_CONFIG_BYTES) throw invalid(file, worded('config.too_large'));
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof VkError) throw e;
    throw invalid(file, worded('config.unreadable'));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid(file, worded('config.not_json'));
  }
  if (!validate(data)) throw invalid(file, schemaReason(validate.errors?.[0]));
  const problem = orgConfigProblem(data);
  if (problem) throw invalid(file, worded(problem.key, problem.params));
  if (data.organisation?.logo) {
    const logo = path.resolve(path.dirname(file), data.organisation.logo);
    if (!existsSync(logo))
      throw invalid(file, worded('config.logo_missing', { logo: data.organisation.logo }));
    data = { ...data, organisation: { ...data.organisation, logo } };
  }
  return data as OrgConfig;
}

/**
 * Where the app looks for a config, first found wins: the one named in VEILIGE_KOPIE_CONFIG,
 * the one next to the installed program (an IT department puts it there), then the
 * system-wide folder of the platform.
 */
export function configCandidates(
  env: Record<string, string | undefined>,
  installDir: string,
  platform: NodeJS.Platform,
): string[] {
  const systemWide =
    platform === 'win32'
      ? path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Veilige Kopie', CONFIG_FILE_NAME)
      : platform === 'darwin'
        ? path.posix.join('/Library/Application Support/Veilige Kopie', CONFIG_FILE_NAME)
        : path.posix.join('/etc/veilige-kopie', CONFIG_FILE_NAME);
  return [
    ...(env.VEILIGE_KOPIE_CONFIG ? [env.VEILIGE_KOPIE_CONFIG] : []),
    path.join(installDir, CONFIG_FILE_NAME),
    systemWide,
  ];
}

/** The first config that exists among the candidates, validated; null when there is none. */
export async function findOrgConfig(candidates: readonly string[]): Promise<OrgConfig | null> {
  const file = candidates.find((c) => existsSync(c));
  return file ? loadOrgConfig(file) : null;
}
