import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { redactDocument } from '../../electron/core/pipeline/index.ts';
import { SAMPLE_DOCUMENT } from '../../electron/cli/sample.ts';
import { loadPages } from '../../electron/core/pipeline/load.ts';
import { encodeHeic, heifEncAvailable } from '../helpers/heic.ts';
import { testPicture } from '../helpers/images.ts';
import { scanPdf } from '../helpers/pdf.ts';

const run = promisify(execFile);
const canUnshare =
  process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0;

afterEach(() => vi.restoreAllMocks());

describe('offline, always', () => {
  /** Any socket or fetch from here on is recorded and fails. */
  function forbidNetwork(): string[] {
    const attempts: string[] = [];
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (
      this: net.Socket,
      ...args: unknown[]
    ) {
      attempts.push(JSON.stringify(args[0]));
      throw new Error('network access attempted');
    });
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      attempts.push(String(input));
      throw new Error('network access attempted');
    });
    return attempts;
  }

  it('runs the whole pipeline (OCR, faces, barcodes, export) without opening a single connection', async () => {
    const attempts = forbidNetwork();
    const result = await redactDocument({
      sides: [readFileSync(SAMPLE_DOCUMENT)],
      settings: {
        detect: true,
        keep: [],
        lang: 'nl',
        watermark: { purpose: 'inzage', recipient: 'X', date: '2026-11-24', lang: 'nl' },
      },
    });
    expect(result.sides[0]!.regions.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['mrz', 'photo']),
    );
    expect(attempts).toEqual([]);
  });

  it('reads PDF scans (fonts, colour data, wasm) and HEIC photos without a connection', async () => {
    const attempts = forbidNetwork();
    const picture = await testPicture(300, 200);
    // Text in a standard (not embedded) font makes pdf.js reach for its font data.
    const pdf = await scanPdf([picture], { text: 'Kopie' });
    expect(await loadPages(pdf)).toHaveLength(1);
    if (heifEncAvailable()) expect(await loadPages(encodeHeic(picture))).toHaveLength(1);
    expect(attempts).toEqual([]);
  });

  it.skipIf(!canUnshare)(
    `the CLI works in a namespace with no network at all (unshare -n)${canUnshare ? '' : ' (skipped: unshare -n is not available on this machine)'}`,
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'vk-offline-'));
      const out = path.join(dir, 'copy.pdf');
      const { stdout } = await run(
        'unshare',
        [
          '-n',
          process.execPath,
          path.resolve('bin/veilige-kopie.js'),
          'redact',
          SAMPLE_DOCUMENT,
          '-o',
          out,
          '--lang',
          'en',
        ],
        {
          cwd: dir,
          env: { ...process.env, HOME: dir, TMPDIR: dir },
        },
      );
      expect(stdout).toContain('Saved:');
      expect(stdout).toMatch(/MRZ/);
      // Nothing written but the copy: no traineddata cache, no temp images, no logs.
      expect(readdirSync(dir)).toEqual(['copy.pdf']);
    },
  );
});
