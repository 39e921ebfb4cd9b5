import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isApiError, type AnalysisResult } from '../../../../shared/ipc.ts';
import type { AnalysisProgress } from '../../../../shared/progress.ts';
import { createAppService } from '../../../../electron/core/service/service.ts';
import { DEFAULT_LIMITS } from '../../../../shared/limits.ts';
import { testPicture } from '../../../helpers/images.ts';
import { scanPdf } from '../../../helpers/pdf.ts';
import { stubDialogs } from '../../../helpers/dialogs.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'vk-svc-'));
let savePath: string | null = null;
// Every progress state the service pushed, in order (null: no analysis running).
const heard: (AnalysisProgress | null)[] = [];
const service = createAppService(
  stubDialogs({ chooseSaveTarget: async () => savePath }),
  undefined,
  { onProgress: (p) => heard.push(p) },
);
afterAll(() => service.close());

/** An export asking for a request letter, with one thing changed. */
function exportWithLetter(change: { format?: 'pdf' | 'png'; purpose?: string; name?: string }) {
  return service.exportCopy({
    jobId: 'a'.repeat(32),
    regions: [],
    watermark: {
      purpose: change.purpose ?? 'inzage',
      recipient: 'X',
      date: '2026-12-02',
      lang: 'nl',
    },
    format: change.format ?? 'pdf',
    letter: { name: change.name ?? 'A', contact: '' },
  });
}

describe('app service (what IPC calls)', () => {
  it('analyzes, previews, exports and forgets a document', async () => {
    const result = (await service.analyze([
      { name: 'x.png', bytes: new Uint8Array(await testPicture(500, 320)) },
    ])) as AnalysisResult;
    expect(isApiError(result)).toBe(false);
    expect(result.sides[0]).toMatchObject({ width: 500, height: 320 });
    expect(result.warnings).toContainEqual({ code: 'no_document', side: 0 });
    const region = {
      id: 'm1',
      kind: 'manual' as const,
      shape: { type: 'rect' as const, rect: { cx: 100, cy: 100, width: 80, height: 40, angle: 0 } },
      source: 'manual' as const,
      confidence: 1,
      label: '',
      side: 0,
    };
    const preview = await service.preview(result.jobId, 0, [region], {
      purpose: 'inzage',
      recipient: 'X',
      date: '2026-11-24',
      lang: 'nl',
    });
    expect(preview).toBeInstanceOf(Uint8Array);

    savePath = null;
    expect(
      await service.exportCopy({
        jobId: result.jobId,
        regions: [region],
        watermark: null,
        format: 'pdf',
      }),
    ).toEqual({ saved: false, reason: 'cancelled' });
    savePath = path.join(dir, 'kopie.pdf');
    expect(
      await service.exportCopy({
        jobId: result.jobId,
        regions: [region],
        watermark: null,
        format: 'pdf',
      }),
    ).toEqual({
      saved: true,
      fileName: 'kopie.pdf',
      folder: dir,
      summary: { regions: 1, restored: 0 },
    });
    expect(readdirSync(dir)).toEqual(['kopie.pdf']);

    expect(await service.jobCount()).toBe(1);
    await service.discard(result.jobId);
    expect(await service.jobCount()).toBe(0);
    expect(await service.preview(result.jobId, 0, [], null)).toMatchObject({
      error: 'INVALID_ARGUMENTS',
    });
  });

  it.each([
    ['no files', () => service.analyze([])],
    [
      'three files',
      () => service.analyze([1, 2, 3].map(() => ({ name: 'a', bytes: new Uint8Array(1) }))),
    ],
    ['bytes that are not bytes', () => service.analyze([{ name: 'a', bytes: 'x' as never }])],
    ['a made-up job id', () => service.discard('../../etc/passwd')],
    [
      'an unknown format',
      () =>
        service.exportCopy({
          jobId: 'a'.repeat(32),
          regions: [],
          watermark: null,
          format: 'gif' as never,
        }),
    ],
  ])('refuses %s with an error value, never a throw', async (_, call) => {
    expect(await call()).toMatchObject({ error: 'INVALID_ARGUMENTS' });
  });

  it.each([
    ['with an image export', { format: 'png' as const }],
    ['for a free-text purpose', { purpose: 'sollicitatie' }],
    ['without a name', { name: '  ' }],
  ])('refuses a request letter %s', async (_, change) => {
    expect(await exportWithLetter(change)).toEqual({
      error: 'INVALID_ARGUMENTS',
      params: { reason: expect.stringMatching(/^letter: /) },
    });
  });

  it('turns unreadable files into translated errors', async () => {
    expect(
      await service.analyze([
        { name: 'a.jpg', bytes: new Uint8Array(Buffer.from('not an image')) },
      ]),
    ).toEqual({ error: 'UNSUPPORTED_FORMAT', params: {} });
  });

  it('pushes its progress at every stage while it analyses, and null when it ends', async () => {
    heard.length = 0;
    const result = await service.analyze([
      { name: 'x.png', bytes: new Uint8Array(await testPicture(600, 400)) },
    ]);
    expect(isApiError(result)).toBe(false);
    const seen = new Set(
      heard.flatMap((p) => Object.entries(p?.stages ?? {}).map(([stage, s]) => `${stage}:${s}`)),
    );
    expect(seen).toContain('load:active');
    expect(seen).toContain('load:done');
    expect(seen).toContain('mrz:active');
    expect(heard.at(0)?.stages.load).toBe('pending');
    expect(heard.at(-1)).toBeNull();
    expect(heard.slice(0, -1).every((p) => p !== null)).toBe(true);
  });

  it('counts the pages of a two-page PDF as two sides in its progress', async () => {
    heard.length = 0;
    const pdf = await scanPdf([await testPicture(400, 260), await testPicture(400, 260)]);
    const result = await service.analyze([{ name: 'scan.pdf', bytes: new Uint8Array(pdf) }]);
    expect(result as AnalysisResult).toMatchObject({ sides: [{}, {}] });
    expect(Math.max(...heard.map((p) => p?.sides ?? 0))).toBe(2);
  });

  it('stops an analysis when cancelled and keeps nothing of it', async () => {
    const before = await service.jobCount();
    const running = service.analyze([
      { name: 'x.png', bytes: new Uint8Array(await testPicture(600, 400)) },
    ]);
    await new Promise((r) => setTimeout(r, 20));
    expect(await service.cancel()).toBe(true);
    expect(await running).toEqual({ error: 'CANCELLED', params: {} });
    expect(await service.jobCount()).toBe(before);
    expect(heard.at(-1)).toBeNull();
  });

  it('stops a job that runs past its time limit, says so, and keeps nothing of it', async () => {
    const slow = createAppService(stubDialogs(), undefined, {
      limits: { ...DEFAULT_LIMITS, jobTimeoutMs: 30 },
    });
    try {
      const result = await slow.analyze([
        { name: 'x.png', bytes: new Uint8Array(await testPicture(600, 400)) },
      ]);
      expect(result).toEqual({ error: 'TIMEOUT', params: { seconds: 0 } });
      // The detection still under way stops at its next stage and stores no job.
      await new Promise((r) => setTimeout(r, 3000));
      expect(await slow.jobCount()).toBe(0);
    } finally {
      await slow.close();
    }
  });
});
