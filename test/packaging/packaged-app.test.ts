import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceWorker } from '../../electron/core/service/worker-client.ts';
import { SHIPPED_ASSETS, SHIPPED_FILES } from '../../electron/core/pipeline/shipped.ts';
import { SAMPLE_DOCUMENT } from '../../electron/cli/sample.ts';
import { isApiError, type AnalysisResult } from '../../shared/ipc.ts';
import { testPicture } from '../helpers/images.ts';

// One file for everything that needs the build output, so no other test rewrites it meanwhile.
const work = mkdtempSync(path.join(tmpdir(), 'vk-package-'));
const unpackedApp = path.join(work, 'release', 'linux-unpacked');
const resources = path.join(unpackedApp, 'resources');

/**
 * The Electron binary cannot be downloaded here, so the `--dir` build packs the app around a
 * stand-in: a tiny file carrying Electron's fuse sentinel and a default fuse wire (all side
 * doors open), which electron-builder must flip as `electron-builder.yml` says.
 */
function electronStandIn(dir: string): string {
  const version = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
  const file = path.join(dir, 'electron');
  writeFileSync(
    file,
    Buffer.concat([
      // It prints what it was started with: the command's launcher is checked by that.
      Buffer.from('#!/bin/sh\nprintf "%s\\n" "$@" "arenas=$MALLOC_ARENA_MAX"\nexit 0\n'),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, 8]),
      Buffer.from('10110001'),
    ]),
  );
  chmodSync(file, 0o755);
  writeFileSync(path.join(dir, 'version'), version);
  return version as string;
}

beforeAll(() => {
  execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  const standIn = path.join(work, 'electron-dist');
  execFileSync('mkdir', ['-p', standIn]);
  const version = electronStandIn(standIn);
  execFileSync(
    'npx',
    [
      'electron-builder',
      '--dir',
      '--linux',
      `-c.electronDist=${standIn}`,
      `-c.electronVersion=${version}`,
      `-c.directories.output=${path.join(work, 'release')}`,
    ],
    { stdio: 'ignore' },
  );
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packaged app (electron-builder --dir around a stand-in Electron)', () => {
  it('flips every fuse the configuration asks for', async () => {
    const config = load(readFileSync('electron-builder.yml', 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    const wire = await getCurrentFuseWire(path.join(unpackedApp, 'veilige-kopie'));
    const state = (fuse: FuseV1Options) => (wire[fuse] === 49 ? true : false);
    expect(state(FuseV1Options.RunAsNode)).toBe(config.electronFuses.runAsNode);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(true);
  });

  it('packs the built app and nothing from the source tree or the tests', () => {
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    for (const f of [
      '/package.json',
      '/dist/renderer/index.html',
      '/dist-electron/launch.mjs',
      '/dist-electron/preload.cjs',
      '/dist-electron/service-worker.mjs',
      '/dist-electron/decode-worker.mjs',
    ])
      expect(files).toContain(f);
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(own.filter((f) => /^\/(test|electron|renderer|shared|scripts)\//.test(f))).toEqual([]);
    // Of the assets, only the language data the pipeline reads (SHIPPED_ASSETS).
    const assets = own.filter((f) => /^\/assets\/.*\.[a-z]+$/.test(f));
    expect(assets).toEqual(Object.values(SHIPPED_ASSETS).map((f) => `/${f}`));
    expect(own.filter((f) => /\.(ts|tsx|map)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /\/node_modules\/(tsx|esbuild|electron|vitest)\//.test(f))).toEqual(
      [],
    );
  });

  it('carries no development-only or unused package, and no source maps', () => {
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    // The renderer's libraries are bundled into dist/ by Vite; Dutch OCR data is never loaded.
    const unused =
      /^\/node_modules\/(react|react-dom|zustand|tsx|esbuild|@esbuild|@types|@webgpu|@tesseract\.js-data\/nld|typescript|vite|playwright-core)(\/|$)/;
    expect(files.filter((f) => unused.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const dev of ['react', 'react-dom', 'zustand', 'tsx', '@tesseract.js-data/nld'])
      expect(Object.keys(manifest.dependencies)).not.toContain(dev);
  });

  it('installs the command beside the app, starting the app binary as the command', () => {
    const launcher = path.join(resources, 'cli', 'veilige-kopie');
    expect(statSync(launcher).mode & 0o111).not.toBe(0);
    expect(existsSync(path.join(resources, 'cli', 'veilige-kopie.cmd'))).toBe(true);
    const started = execFileSync(launcher, ['redact', 'my scan.jpg', '--out-dir=kopie'], {
      encoding: 'utf8',
    });
    expect(started.trim().split('\n')).toEqual([
      '--cli',
      'redact',
      'my scan.jpg',
      '--out-dir=kopie',
      // Two malloc arenas (glibc): a batch holds about 0.8 GB instead of 1.1 GB.
      'arenas=2',
    ]);
    const chosen = execFileSync(launcher, ['--help'], {
      encoding: 'utf8',
      env: { ...process.env, MALLOC_ARENA_MAX: '4' },
    });
    expect(chosen).toContain('arenas=4');
  });

  it('runs the command from the built app entry, without a window', () => {
    const out = path.join(work, 'entry-copy.png');
    execFileSync(
      process.execPath,
      ['dist-electron/launch.mjs', '--cli', 'redact', SAMPLE_DOCUMENT, '-o', out, '--no-watermark'],
      { stdio: 'ignore' },
    );
    expect(readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
  }, 120_000);

  it('installs the example organisation config beside the app for IT departments', () => {
    expect(existsSync(path.join(resources, 'veilige-kopie.config.example.json'))).toBe(true);
  });

  it('keeps every file the pipeline reads at run time outside the archive', () => {
    // Resolved the way the packaged main process resolves them, from inside resources/.
    const requireFromApp = createRequire(path.join(resources, 'app.asar.unpacked', 'index.js'));
    for (const [name, specifier] of Object.entries(SHIPPED_FILES)) {
      const file = requireFromApp.resolve(specifier);
      expect(file, name).toContain(`app.asar.unpacked${path.sep}node_modules`);
      expect(existsSync(file), name).toBe(true);
    }
    for (const [name, file] of Object.entries(SHIPPED_ASSETS))
      expect(existsSync(path.join(resources, 'app.asar.unpacked', file)), name).toBe(true);
    // The page reader's LSTM-only models; the full legacy+LSTM data the MRZ reader's was cut
    // from stays out of the installer.
    const languageData = path.join(
      resources,
      'app.asar.unpacked/node_modules/@tesseract.js-data/eng',
    );
    expect(existsSync(path.join(languageData, '4.0.0_best_int'))).toBe(true);
    expect(existsSync(path.join(languageData, '4.0.0'))).toBe(false);
  });
});

describe('the bundled pipeline worker (what the packaged app runs)', () => {
  it('starts off the main thread and analyses a document', async () => {
    let asked = 0;
    const service = startServiceWorker(
      pathToFileURL(path.resolve('dist-electron/service-worker.mjs')),
      {
        chooseFiles: async () => {
          asked++;
          return null;
        },
        chooseSaveTarget: async () => null,
        reveal: async () => undefined,
      },
    );
    try {
      const result = (await service.analyze([
        { name: 'x.png', bytes: new Uint8Array(await testPicture(300, 200)) },
      ])) as AnalysisResult;
      expect(isApiError(result)).toBe(false);
      expect(result.sides[0]).toMatchObject({ width: 300, height: 200 });
      // Dialogs are asked of the main thread, which owns them.
      expect(await service.openFiles()).toBeNull();
      expect(asked).toBe(1);
      expect(await service.jobCount()).toBe(1);
    } finally {
      await service.close();
    }
  });
});
