import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DOCUMENT } from '../../electron/cli/sample.ts';
import { createAppService } from '../../electron/core/service/service.ts';
import { isApiError, type AnalysisResult } from '../../shared/ipc.ts';
import { encodeHeic, heifEncAvailable } from '../helpers/heic.ts';
import { scanPdf } from '../helpers/pdf.ts';
import { stubDialogs } from '../helpers/dialogs.ts';

const run = promisify(execFile);
// tsx by absolute path: the child's working directory is a fresh folder with no node_modules.
const TSX = ['--import', pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href];

/** Fresh HOME, TMPDIR and working directory, and an inbox the input is read from. */
function sandbox() {
  const root = mkdtempSync(path.join(tmpdir(), 'vk-residue-'));
  const dirs = { home: 'home', tmp: 'tmp', work: 'work', inbox: 'inbox' };
  for (const d of Object.values(dirs)) mkdirSync(path.join(root, d));
  const at = (d: keyof typeof dirs) => path.join(root, dirs[d]);
  const env = { ...process.env, HOME: at('home'), TMPDIR: at('tmp'), TSX_DISABLE_CACHE: '1' };
  return { at, env };
}

async function inputs(): Promise<[string, Buffer][]> {
  const sample = readFileSync(SAMPLE_DOCUMENT);
  const list: [string, Buffer][] = [
    ['sample.jpg', sample],
    ['scan.pdf', await scanPdf([sample])],
  ];
  if (heifEncAvailable())
    list.push(['photo.heic', encodeHeic(await sharp(sample).png().toBuffer())]);
  return list;
}

describe('no residue: nothing is kept but the exported file', () => {
  it('CLI jobs (JPEG, PDF, HEIC) leave nothing in HOME, TMPDIR or the working directory', async () => {
    for (const [name, bytes] of await inputs()) {
      const box = sandbox();
      writeFileSync(path.join(box.at('inbox'), name), bytes);
      await run(
        process.execPath,
        [
          path.resolve('bin/veilige-kopie.js'),
          'redact',
          path.join(box.at('inbox'), name),
          '-o',
          'copy.pdf',
        ],
        { cwd: box.at('work'), env: box.env },
      );
      expect(readdirSync(box.at('work')), name).toEqual(['copy.pdf']);
      expect(readdirSync(box.at('home')), name).toEqual([]);
      expect(readdirSync(box.at('tmp')), name).toEqual([]);
      expect(readdirSync(box.at('inbox')), name).toEqual([name]);
    }
  }, 180_000);

  it('a desktop-app job (worker service: analyse, export, forget) leaves only the copy', async () => {
    const box = sandbox();
    copyFileSync(SAMPLE_DOCUMENT, path.join(box.at('inbox'), 'sample.jpg'));
    const target = path.join(box.at('work'), 'veilige-kopie.pdf');
    await run(
      process.execPath,
      [
        ...TSX,
        path.resolve('test/no-residue/app-job.ts'),
        path.join(box.at('inbox'), 'sample.jpg'),
        target,
      ],
      { cwd: box.at('work'), env: box.env },
    );
    expect(readdirSync(box.at('work'))).toEqual(['veilige-kopie.pdf']);
    expect(readdirSync(box.at('home'))).toEqual([]);
    expect(readdirSync(box.at('tmp'))).toEqual([]);
  }, 120_000);

  it('after a crash mid-export, the next export cleans the half-written temp file', async () => {
    const box = sandbox();
    const crashed = await run(
      process.execPath,
      [...TSX, path.resolve('test/no-residue/crash-export.ts'), path.join(box.at('work'), 'a.pdf')],
      { env: box.env },
    ).catch((e: { signal?: string }) => e);
    expect((crashed as { signal?: string }).signal).toBe('SIGKILL');
    const left = readdirSync(box.at('work'));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.vk-tmp-/);

    const service = createAppService(
      stubDialogs({ chooseSaveTarget: async () => path.join(box.at('work'), 'b.pdf') }),
    );
    try {
      const job = (await service.analyze([
        { name: 's.jpg', bytes: new Uint8Array(readFileSync(SAMPLE_DOCUMENT)) },
      ])) as AnalysisResult;
      expect(isApiError(job)).toBe(false);
      await service.exportCopy({
        jobId: job.jobId,
        regions: job.regions,
        watermark: null,
        format: 'pdf',
      });
    } finally {
      await service.close();
    }
    expect(readdirSync(box.at('work'))).toEqual(['b.pdf']);
  }, 120_000);
});
