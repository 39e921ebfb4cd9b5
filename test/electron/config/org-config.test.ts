import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_FILE_NAME,
  configCandidates,
  findOrgConfig,
  loadOrgConfig,
} from '../../../electron/config/org-config.ts';
import { codeOf } from '../../helpers/hostile.ts';
import { translate } from '../../../shared/i18n/translate.ts';

function write(content: string | object, name = CONFIG_FILE_NAME): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vk-config-'));
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const GOOD = {
  organisation: { name: 'Gemeente Voorbeeld', logo: 'logo.png' },
  defaultRecipient: 'Gemeente Voorbeeld',
  purposes: ['inzage', 'verwijdering', 'Aanvraag parkeervergunning'],
  mayKeep: ['mrz'],
  keep: [],
  language: 'nl',
  frontDesk: { enabled: true, idleMinutes: 3 },
  locked: ['recipient', 'keep'],
};

describe('organisation config', () => {
  it('loads a good file and resolves the logo next to it', async () => {
    const file = write(GOOD);
    writeFileSync(path.join(path.dirname(file), 'logo.png'), 'png');
    const config = await loadOrgConfig(file);
    expect(config.organisation?.logo).toBe(path.join(path.dirname(file), 'logo.png'));
    expect(config.frontDesk).toEqual({ enabled: true, idleMinutes: 3 });
  });

  it.each<[string, string | object, RegExp]>([
    ['not JSON', '{ organisation: ', /not valid JSON/],
    ['an unknown setting', { colour: 'red' }, /must NOT have additional properties "colour"/],
    ['a kind that does not exist', { mayKeep: ['nose'] }, /\/mayKeep\/0 must be equal to one of/],
    [
      'keeping what may not be kept',
      { mayKeep: ['mrz'], keep: ['photo'] },
      /"photo" is not in mayKeep/,
    ],
    ['a locked recipient with none set', { locked: ['recipient'] }, /defaultRecipient is not set/],
    ['a missing logo', { organisation: { name: 'X', logo: 'nope.png' } }, /nope.png not found/],
    ['a wrong type', { frontDesk: { enabled: 'yes' } }, /\/frontDesk\/enabled must be boolean/],
    ['an idle time of zero', { frontDesk: { enabled: true, idleMinutes: 0 } }, /must be >= 1/],
  ])('refuses %s with the file name and the reason', async (_, content, reason) => {
    const file = write(content);
    const error = await loadOrgConfig(file).catch(
      (e: { code: string; params: Record<string, string> }) => e,
    );
    expect(error).toMatchObject({ code: 'INVALID_CONFIG', params: { file: CONFIG_FILE_NAME } });
    expect((error as { params: { reason: string } }).params.reason).toMatch(reason);
  });

  it('gives the reason in Dutch too: the config cannot be trusted to say the language', async () => {
    const error = (await loadOrgConfig(write({ mayKeep: ['nose'] })).catch((e: unknown) => e)) as {
      params: Record<string, string>;
    };
    expect(error.params.reason_nl).toMatch(
      /^\/mayKeep\/0 moet overeenkomen met één van de voorgedefinieerde waarden: photo/,
    );
    expect(translate('nl', 'error.INVALID_CONFIG', error.params)).toMatch(
      /^Het configuratiebestand .* is ongeldig: \/mayKeep\/0 moet/,
    );
    expect(translate('en', 'error.INVALID_CONFIG', error.params)).toMatch(
      /^The configuration file .* is invalid: \/mayKeep\/0 must be equal to one of/,
    );
    const locked = (await loadOrgConfig(write({ locked: ['recipient'] })).catch(
      (e: unknown) => e,
    )) as {
      params: Record<string, string>;
    };
    expect(locked.params.reason_nl).toMatch(/defaultRecipient is niet ingevuld/);
  });

  it('refuses a missing or oversized file', async () => {
    expect(await codeOf(loadOrgConfig('/no/such/veilige-kopie.config.json'))).toBe(
      'INVALID_CONFIG',
    );
    expect(await codeOf(loadOrgConfig(write(' '.repeat(300 * 1024))))).toBe('INVALID_CONFIG');
  });

  it('looks in the named file, next to the program, then system-wide', () => {
    expect(configCandidates({ VEILIGE_KOPIE_CONFIG: '/x.json' }, '/opt/vk', 'linux')).toEqual([
      '/x.json',
      `/opt/vk/${CONFIG_FILE_NAME}`,
      `/etc/veilige-kopie/${CONFIG_FILE_NAME}`,
    ]);
    expect(configCandidates({ ProgramData: 'D:\\PD' }, '/opt/vk', 'win32')[1]).toBe(
      `D:\\PD\\Veilige Kopie\\${CONFIG_FILE_NAME}`,
    );
    expect(configCandidates({}, '/Applications/VK', 'darwin')[1]).toBe(
      `/Library/Application Support/Veilige Kopie/${CONFIG_FILE_NAME}`,
    );
  });

  it('uses the first config that exists, and none when there is none', async () => {
    const file = write({ language: 'en' });
    expect(await findOrgConfig(['/no/such.json', file])).toEqual({ language: 'en' });
    expect(await findOrgConfig(['/no/such.json'])).toBeNull();
  });
});
