import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../../../electron/core/service/service.ts';
import {
  closeEngines,
  createEngines,
  type Engines,
} from '../../../../electron/core/pipeline/engines.ts';
import { readPageText } from '../../../../electron/core/pipeline/ocr/page.ts';
import { isApiError, type AnalysisResult, type ExportResult } from '../../../../shared/ipc.ts';
import type { OrgConfig } from '../../../../shared/org-config.ts';
import { boxToRect, type Region } from '../../../../shared/regions.ts';
import { coveredShare } from '../../../../shared/shapes.ts';
import { decodeRaw, maxInBox } from '../../../helpers/images.ts';
import { passportPage } from '../../../synth/documents.ts';
import { randomHolder } from '../../../synth/holder.ts';
import { createRng } from '../../../synth/prng.ts';
import { stubDialogs } from '../../../helpers/dialogs.ts';

const out = mkdtempSync(path.join(tmpdir(), 'vk-policy-'));
let n = 0;

/** A service under an organisation's config, saving every export to a new file. */
function serviceWith(config: OrgConfig | null): AppService {
  const installDir = mkdtempSync(path.join(tmpdir(), 'vk-install-'));
  if (config)
    writeFileSync(path.join(installDir, 'veilige-kopie.config.json'), JSON.stringify(config));
  return createAppService(
    stubDialogs({ chooseSaveTarget: async () => path.join(out, `c${++n}.png`) }),
    engines,
    { installDir },
  );
}

// One set of engines for every service here; OCR can be made to miss (see below).
const real = createEngines();
let blind = false;
const engines: Engines = {
  ocr: {
    readPage: (png: Buffer) => (blind ? Promise.resolve([]) : real.ocr.readPage(png)),
    readMrz: (png: Buffer) => (blind ? Promise.resolve([]) : real.ocr.readMrz(png)),
    close: () => real.ocr.close(),
  } as unknown as Engines['ocr'],
  faces: real.faces,
};
let page: Awaited<ReturnType<typeof passportPage>>;
beforeAll(async () => {
  page = await passportPage(randomHolder(createRng(7)), { mm: 9, seed: 7, country: 'NLD' });
});
afterAll(async () => {
  await closeEngines(real);
});

async function analysed(config: OrgConfig | null) {
  const service = serviceWith(config);
  const job = (await service.analyze([
    { name: 'p.png', bytes: new Uint8Array(page.png) },
  ])) as AnalysisResult;
  expect(isApiError(job)).toBe(false);
  const exportWith = async (regions: Region[]) => {
    const result = (await service.exportCopy({
      jobId: job.jobId,
      regions,
      watermark: null,
      format: 'png',
    })) as ExportResult;
    expect(isApiError(result)).toBe(false);
    return result;
  };
  return { service, job, exportWith };
}

const saved = async (result: ExportResult) => {
  if (!result.saved) throw new Error(`not saved: ${JSON.stringify(result)}`);
  return decodeRaw(readFileSync(path.join(result.folder, result.fileName)));
};

describe('export rules enforced by the service', () => {
  it('burns every region of a kind the organisation always redacts, even when the review dropped them all', async () => {
    const { exportWith } = await analysed({ mayKeep: [] });
    const result = await exportWith([]);
    expect(result).toMatchObject({ saved: true });
    expect(result.saved && result.summary.restored).toBeGreaterThanOrEqual(4);
    const img = await saved(result);
    for (const secret of page.secrets.filter((s) => s.kind !== 'ghost_photo'))
      expect(maxInBox(img, secret.box), secret.kind).toBeLessThan(60);
  });

  it('keeps a kept MRZ readable but still blacks out the numbers inside it', async () => {
    const { job, exportWith } = await analysed({ mayKeep: ['mrz'] });
    const result = await exportWith(job.regions.filter((r) => r.kind !== 'mrz'));
    const text = (await readPageText(await saved(result), engines.ocr))
      .map((l) => l.text.replace(/\s/g, ''))
      .join('\n');
    const [line1 = '', line2 = ''] = page.mrzLines;
    // The name line still reads; the document number and the BSN do not.
    expect(text).toContain(line1.slice(0, 12));
    expect(text).not.toContain(line2.slice(0, 9));
    expect(text).not.toContain(line2.slice(28, 37));
  });

  it('does not save a copy in which the self-check still reads something, and shows what and where', async () => {
    // Page and MRZ reading fail during analysis (as they do on some real photos), so the printed
    // BSN is never found, and no MRZ identifies the passport for its layout to place it; the
    // self-check, reading on its own, still sees it in the copy.
    blind = true;
    const { job, exportWith } = await analysed(null);
    blind = false;
    expect(job.regions.some((r) => r.kind === 'personal_number')).toBe(false);
    const result = await exportWith(job.regions);
    expect(result).toMatchObject({ saved: false, reason: 'selfcheck' });
    if (result.saved || result.reason !== 'selfcheck') return;
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'selfcheck_found', kind: 'personal_number', side: 0 }),
    );
    const bsn = page.secrets.find((s) => s.kind === 'personal_number')!.box;
    expect(
      result.regions.some(
        (r) => coveredShare({ type: 'rect', rect: boxToRect(bsn) }, [r.shape]) > 0.5,
      ),
    ).toBe(true);
    expect(result.regions.length).toBeGreaterThan(0);
    // Exporting again with what it found saves a clean copy.
    const again = await exportWith(result.regions);
    expect(again).toMatchObject({ saved: true });
  });

  it.each([
    ['a malformed region', [{ kind: 'manual' }], null, 'regions'],
    [
      'a bad watermark date',
      [],
      { purpose: 'x', recipient: '', date: '2026-13-01', lang: 'nl' },
      'watermark',
    ],
  ])('refuses %s for that reason, on a real job', async (_, regions, mark, reason) => {
    const { service, job } = await analysed(null);
    expect(await service.preview(job.jobId, 0, regions as never, mark as never)).toEqual({
      error: 'INVALID_ARGUMENTS',
      params: { reason: expect.stringMatching(new RegExp(`^${reason}: /`)) },
    });
    expect(
      await service.exportCopy({
        jobId: job.jobId,
        regions: regions as never,
        watermark: mark as never,
        format: 'png',
      }),
    ).toEqual({
      error: 'INVALID_ARGUMENTS',
      params: { reason: expect.stringMatching(new RegExp(`^${reason}: /`)) },
    });
  });
});
