import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { VkError } from '../../shared/errors.ts';
import { ORG_CONFIG_SCHEMA, orgConfigProblem, type OrgConfig } from '../../shared/org-config.ts';

/** The file name looked for next to the installed app and in the system-wide folder. */
export const CONFIG_FILE_NAME = 'veilige-kopie.config.json';
const MAX_CONFIG_BYTES = 256 * 1024;

const validate = new Ajv({ allErrors: false, strict: true }).compile<OrgConfig>(ORG_CONFIG_SCHEMA);

function invalid(file: string, reason: string): VkError {
  return new VkError('INVALID_CONFIG', { file: path.basename(file), reason });
}

/**
 * Reads and checks an organisation's config file. Any problem stops here with the file name
 * and a short reason, before the app or a command does anything else.
 */
export async function loadOrgConfig(file: string): Promise<OrgConfig> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_CONFIG_BYTES) throw invalid(file, 'larger than 256 KB');
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof VkError) throw e;
    throw invalid(file, 'cannot be read');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid(file, 'not valid JSON');
  }
  if (!validate(data)) {
    const err = validate.errors?.[0];
    const where = err?.instancePath || '/';
    const extra =
      err?.keyword === 'additionalProperties'
        ? ` "${(err.params as { additionalProperty: string }).additionalProperty}"`
        : err?.keyword === 'enum'
          ? `: ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
          : '';
    throw invalid(file, `${where} ${err?.message ?? 'invalid'}${extra}`);
  }
  const problem = orgConfigProblem(data);
  if (problem) throw invalid(file, problem);
  if (data.organisation?.logo) {
    const logo = path.resolve(path.dirname(file), data.organisation.logo);
    if (!existsSync(logo))
      throw invalid(file, `/organisation/logo: ${data.organisation.logo} not found`);
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
