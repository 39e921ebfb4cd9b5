import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import localize from 'ajv-i18n';
import { VkError } from '../../../shared/errors.ts';
import { translate, type Lang, type MessageKey } from '../../../shared/i18n/translate.ts';
import { OrgConfigSchema, orgConfigProblem, type OrgConfig } from '../../../shared/org-config.ts';
import { check, describeError, type SchemaError } from '../schema/check.ts';

/** The file name looked for next to the installed app and in the system-wide folder. */
export const CONFIG_FILE_NAME = 'veilige-kopie.config.json';
const MAX_CONFIG_BYTES = 256 * 1024;
const MAX_LOGO_BYTES = 1024 * 1024;

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

/** A schema error in words, in both languages (ajv's text, localised by ajv-i18n). */
function schemaReason(err: SchemaError | undefined): Record<Lang, string> {
  const dutch = err ? [{ ...err }] : [];
  localize.nl(dutch);
  return { en: describeError(err), nl: describeError(dutch[0]) };
}

/**
 * The logo's path: in the config's folder or below it, a regular file (never a pipe that would
 * block the app), at most 1 MB.
 */
async function logoPath(file: string, logo: string): Promise<string> {
  const folder = path.dirname(path.resolve(file));
  const full = path.resolve(folder, logo);
  const rel = path.relative(folder, full);
  if (
    path.isAbsolute(logo) ||
    /^[A-Za-z]:/.test(logo) ||
    rel.startsWith('..') ||
    path.isAbsolute(rel)
  )
    throw invalid(file, worded('config.logo_outside', { logo }));
  const stat = await fs.stat(full).catch(() => null);
  if (!stat) throw invalid(file, worded('config.logo_missing', { logo }));
  if (!stat.isFile() || stat.size > MAX_LOGO_BYTES)
    throw invalid(file, worded('config.logo_not_file', { logo }));
  return full;
}

/**
 * Reads and checks an organisation's config file. Any problem stops here with the file name
 * and a short reason, before the app or a command does anything else.
 */
export async function loadOrgConfig(file: string): Promise<OrgConfig> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw invalid(file, worded('config.unreadable'));
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
  const result = check(OrgConfigSchema, data);
  if (!result.ok) throw invalid(file, schemaReason(result.error));
  const config: OrgConfig = result.value;
  const problem = orgConfigProblem(config);
  if (problem) throw invalid(file, worded(problem.key, problem.params));
  if (!config.organisation?.logo) return config;
  const logo = await logoPath(file, config.organisation.logo);
  return { ...config, organisation: { ...config.organisation, logo } };
}

/** Where configs are looked for, by who may write there. */
export interface ConfigSources {
  /** The administrator's: system-wide, then next to the installed program. */
  admin: string[];
  /** The person's own: `--config`, then VEILIGE_KOPIE_CONFIG. */
  user: string[];
}

/** The places of the platform, for the app and the command line. */
export function configSources(
  env: Record<string, string | undefined>,
  installDir: string,
  platform: NodeJS.Platform,
  given: string | null = null,
): ConfigSources {
  const systemWide =
    platform === 'win32'
      ? path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Veilige Kopie', CONFIG_FILE_NAME)
      : platform === 'darwin'
        ? path.posix.join('/Library/Application Support/Veilige Kopie', CONFIG_FILE_NAME)
        : path.posix.join('/etc/veilige-kopie', CONFIG_FILE_NAME);
  return {
    admin: [systemWide, path.join(installDir, CONFIG_FILE_NAME)],
    user: [
      ...(given ? [given] : []),
      ...(env.VEILIGE_KOPIE_CONFIG ? [env.VEILIGE_KOPIE_CONFIG] : []),
    ],
  };
}

/**
 * The config that applies, validated; null when there is none. The administrator's wins: a
 * person's own config is used only where there is none, or where it says `allowUserConfig`.
 * A config the person named (`--config`) that may not apply is refused, not silently ignored.
 */
export async function findOrgConfig(
  sources: ConfigSources,
  named: string | null = null,
): Promise<OrgConfig | null> {
  const adminFile = sources.admin.find((c) => existsSync(c));
  const admin = adminFile ? await loadOrgConfig(adminFile) : null;
  const userFile = named ?? sources.user.find((c) => existsSync(c));
  if (!userFile) return admin;
  if (admin && !admin.allowUserConfig) {
    if (named) throw invalid(named, worded('config.admin_wins', { admin: adminFile ?? '' }));
    return admin;
  }
  return loadOrgConfig(userFile);
}
