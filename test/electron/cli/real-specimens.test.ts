import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { EXIT } from '../../../electron/cli/exit-codes.ts';
import { REVIEW_FOLDER } from '../../../electron/cli/watch/watch.ts';
import type { Warning } from '../../../shared/warnings.ts';
import { createAppService } from '../../../electron/core/service/service.ts';
import { isApiError, type AnalysisResult } from '../../../shared/ipc.ts';
import { FIXTURES_DIR, fixturesAvailable } from '../../helpers/fixtures.ts';
import { stubDialogs } from '../../helpers/dialogs.ts';

// Real specimens on which detection misses the document number (and more): once copies that
// said "clean" and exited 0. Now each must say what is missing, exit 1, and never be deleted.
// (passporteye__79_pass-can.jpg left this list when its MRZ began to read, and
// arg0s-mrz__passports_Canada.png when its number, read with a stray quote, matched the MRZ and
// its portrait kept its top: number, portrait and MRZ are now found and covered; and
// ausweiskopie__npa_2019.jpg when its number, read as junk beside the title, was read again on
// its own and covered where the field boxes put it. The German visa's MRZ, over a guilloche, is
// not read.)
const SPECIMENS = ['passporteye__98_pass-nld.jpg', 'arg0s-mrz__visas_Germany.png'];

function io(cwd: string, signal?: AbortSignal) {
  const err: string[] = [];
  return {
    err,
    value: {
      out: () => undefined,
      err: (l: string) => err.push(l),
      env: { LANG: 'nl_NL.UTF-8' },
      cwd,
      signal,
    },
  };
}

describe.skipIf(!fixturesAvailable())(
  'real specimens detection does not fully handle (skipped when ../shared/fixtures/real is absent)',
  () => {
    it.each(SPECIMENS)(
      '%s: exit 1 with a specific warning, never "clean"',
      async (file) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'vk-real-'));
        const { value, err } = io(dir);
        const code = await runCli(
          [
            'redact',
            path.join(FIXTURES_DIR, file),
            '-o',
            'kopie.png',
            '--no-watermark',
            '--report',
            'r.json',
          ],
          value,
        );
        expect(code).toBe(EXIT.needsReview);
        const [report] = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')) as {
          warnings: Warning[];
        }[];
        // Each warning is specific: it names what (a kind) or points where (a spot). Which one a
        // specimen gets moves as detection improves; that it gets one does not.
        const specific = report!.warnings.filter(
          (w) => ('kind' in w && w.side === 0) || ('spot' in w && w.spot !== null),
        );
        expect(specific.length).toBeGreaterThan(0);
        expect(err.join('\n')).toMatch(/Let op: /);
        // A German document is never asked for a BSN.
        if (!file.includes('nld')) expect(err.join('\n')).not.toMatch(/BSN/);
      },
      120_000,
    );

    it("keeps tesseract's own diagnostics out of the command's output", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'vk-real-'));
      const run = spawnSync(
        process.execPath,
        [
          path.resolve('bin/veilige-kopie.js'),
          'redact',
          path.join(FIXTURES_DIR, 'arg0s-mrz__passports_Canada.png'),
          '-o',
          path.join(dir, 'k.png'),
        ],
        { encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8' } },
      );
      expect(run.stdout).toContain('Opgeslagen:');
      // This specimen made tesseract print "Detected 34 diacritics" on stdout.
      expect(run.stdout + run.stderr).not.toMatch(/diacritics/);
    }, 120_000);

    it('the app never saves one of them silently: it warns at review or its check blocks the save', async () => {
      let n = 0;
      const service = createAppService(
        stubDialogs({ chooseSaveTarget: async () => path.join(tmpdir(), `vk-real-${++n}.png`) }),
      );
      try {
        for (const file of SPECIMENS) {
          const job = (await service.analyze([
            { name: file, bytes: new Uint8Array(readFileSync(path.join(FIXTURES_DIR, file))) },
          ])) as AnalysisResult;
          expect(isApiError(job), file).toBe(false);
          if (job.warnings.length > 0) continue;
          // No warning at review: then the save itself must stop on what the check still reads.
          const saved = await service.exportCopy({
            jobId: job.jobId,
            regions: job.regions,
            watermark: null,
            format: 'png',
          });
          expect(saved, file).toMatchObject({ saved: false, reason: 'selfcheck' });
        }
      } finally {
        await service.close();
      }
    }, 180_000);

    it('watch moves every one of them, with its copy, to the review folder and deletes none', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'vk-real-watch-'));
      mkdirSync(path.join(dir, 'in'));
      for (const f of SPECIMENS) copyFileSync(path.join(FIXTURES_DIR, f), path.join(dir, 'in', f));
      const stop = new AbortController();
      const running = runCli(
        ['watch', 'in', '--out-dir', 'out', '--no-watermark'],
        io(dir, stop.signal).value,
      );
      const review = path.join(dir, 'out', REVIEW_FOLDER);
      const end = Date.now() + 240_000;
      while (!SPECIMENS.every((f) => existsSync(path.join(review, f))) && Date.now() < end)
        await new Promise((r) => setTimeout(r, 250));
      stop.abort();
      expect(await running).toBe(EXIT.ok);
      expect(readdirSync(path.join(dir, 'in'))).toEqual([]);
      const moved = readdirSync(review);
      for (const f of SPECIMENS) {
        expect(moved).toContain(f);
        expect(moved).toContain(`${path.parse(f).name}.veilige-kopie.pdf`);
      }
    }, 300_000);
  },
);
