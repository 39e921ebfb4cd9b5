import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_FILE_NAME,
  configSources,
  findOrgConfig,
  loadOrgConfig,
} from '../../../../electron/core/config/org-config.ts';
import { codeOf } from '../../../helpers/hostile.ts';
import { translate } from '../../../../shared/i18n/translate.ts';

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

  it("knows the administrator's places and the person's own on each platform", () => {
    expect(
      configSources({ VEILIGE_KOPIE_CONFIG: '/x.json' }, '/opt/vk', 'linux', '/y.json'),
    ).toEqual({
      admin: [`/etc/veilige-kopie/${CONFIG_FILE_NAME}`, `/opt/vk/${CONFIG_FILE_NAME}`],
      user: ['/y.json', '/x.json'],
    });
    expect(configSources({ ProgramData: 'D:\\PD' }, '/opt/vk', 'win32').admin[0]).toBe(
      `D:\\PD\\Veilige Kopie\\${CONFIG_FILE_NAME}`,
    );
    expect(configSources({}, '/Applications/VK', 'darwin').admin[0]).toBe(
      `/Library/Application Support/Veilige Kopie/${CONFIG_FILE_NAME}`,
    );
  });

  it("lets the administrator's config win over a person's own unless it allows one", async () => {
    const admin = write({ language: 'en', locked: ['watermark'] });
    const mine = write({ language: 'nl' });
    const sources = { admin: ['/no/such.json', admin], user: [mine] };
    expect(await findOrgConfig(sources)).toMatchObject({ language: 'en' });
    // Named on the command line, it is refused out loud rather than ignored.
    expect(await codeOf(findOrgConfig(sources, mine))).toBe('INVALID_CONFIG');
    const lenient = write({ language: 'en', allowUserConfig: true });
    expect(await findOrgConfig({ admin: [lenient], user: [mine] })).toEqual({ language: 'nl' });
    expect(await findOrgConfig({ admin: ['/no/such.json'], user: [mine] })).toEqual({
      language: 'nl',
    });
    expect(await findOrgConfig({ admin: ['/no/such.json'], user: [] })).toBeNull();
  });

  it("takes a logo only from the config's folder, as an ordinary small file", async () => {
    const withLogo = (logo: string) => write({ organisation: { name: 'X', logo } });
    for (const logo of ['/etc/logo.png', '../logo.png', 'sub/../../logo.png', 'C:/logo.png'])
      await expect(loadOrgConfig(withLogo(logo)), logo).rejects.toMatchObject({
        params: { reason: expect.stringContaining("config's folder") },
      });
    const pipe = withLogo('pipe.png');
    execFileSync('mkfifo', [path.join(path.dirname(pipe), 'pipe.png')]);
    await expect(loadOrgConfig(pipe)).rejects.toMatchObject({
      params: { reason: expect.stringContaining('not an ordinary file') },
    });
    const big = withLogo('big.png');
    writeFileSync(path.join(path.dirname(big), 'big.png'), Buffer.alloc(2 * 1024 * 1024));
    await expect(loadOrgConfig(big)).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    const nested = withLogo('img/logo.png');
    mkdirSync(path.join(path.dirname(nested), 'img'));
    writeFileSync(path.join(path.dirname(nested), 'img', 'logo.png'), 'png');
    expect((await loadOrgConfig(nested)).organisation?.logo).toBe(
      path.join(path.dirname(nested), 'img', 'logo.png'),
    );
  });
});
