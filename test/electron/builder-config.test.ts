import { existsSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { loadOrgConfig } from '../../electron/core/config/org-config.ts';
import { describe, expect, it } from 'vitest';

const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  win: { target: string[] };
  mac: { target: string[] };
  linux: { target: string[] };
  asarUnpack: string[];
};

describe('installer configuration', () => {
  it('sets the Electron fuses that shut the runtime side doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('builds for Windows, macOS and Linux with the app icon', () => {
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis', 'msi']));
    expect(config.mac.target).toContain('dmg');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(existsSync('assets/icon.png')).toBe(true);
    expect(config.asar).toBe(true);
  });

  it('installs per machine for managed deployment (MSI), and lets NSIS choose all users', () => {
    const c = config as unknown as {
      msi: { perMachine: boolean };
      nsis: { oneClick: boolean; allowElevation: boolean };
    };
    expect(c.msi.perMachine).toBe(true);
    expect(c.nsis).toMatchObject({ oneClick: false, allowElevation: true });
  });

  it('ships an example organisation config that the app accepts', async () => {
    const example = 'assets/config/veilige-kopie.config.example.json';
    expect(await loadOrgConfig(example)).toMatchObject({
      organisation: { name: 'Gemeente Voorbeeld' },
    });
    expect(readFileSync('README.md', 'utf8')).toContain(readFileSync(example, 'utf8').trim());
  });

  it('keeps language data, models and wasm outside the archive', () => {
    for (const pkg of [
      '@tesseract.js-data',
      'tesseract.js-core',
      'zxing-wasm',
      '@vladmandic/human',
      '@tensorflow/tfjs-backend-wasm',
      'sharp',
    ]) {
      expect(
        config.asarUnpack.some((p) => p.includes(pkg)),
        pkg,
      ).toBe(true);
    }
  });

  it('starts the bundled main process', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.main).toBe('dist-electron/launch.mjs');
    expect(pkg.scripts.start).toContain('electron .');
  });
});
