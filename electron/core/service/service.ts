import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { VkError } from '../../../shared/errors.ts';
import type {
  AnalysisResult,
  AppApi,
  ExportResult,
  InputFile,
  ProgressListener,
} from '../../../shared/ipc.ts';
import {
  advanceProgress,
  isProgressStage,
  startProgress,
  type AnalysisProgress,
} from '../../../shared/progress.ts';
import type { OrgConfig } from '../../../shared/org-config.ts';
import { configSources, findOrgConfig } from '../config/org-config.ts';
import { buildLetter } from '../../../shared/letter/letter.ts';
import { isPurpose } from '../../../shared/settings.ts';
import {
  analyzeDocument,
  closeEngines,
  createEngines,
  encodeCopy,
  enforcePolicy,
  logoPng,
  produceSafeCopy,
  renderLetterPages,
  renderSafeCopy,
  stopIfAborted,
  toPng,
  untilAborted,
  type Engines,
  type Plan,
  type RawImage,
  type SideDetection,
} from '../pipeline/index.ts';
import { DEFAULT_LIMITS, type Limits } from '../../../shared/limits.ts';
import { readInputFile } from '../files/read-file.ts';
import { removeStaleTempFiles, writeFileAtomic } from '../files/write-atomic.ts';
import type { Dialogs } from './dialogs.ts';
import { copySettings, guard, suggestedFileName } from './answers.ts';
import * as valid from './validate.ts';

const PREVIEW_LONG_SIDE = 1600;

/** A document in memory between analysis and export: its sides and what detection saw. */
const MAX_JOBS = 4;

interface Job {
  images: RawImage[];
  detections: SideDetection[];
  secrets: Plan['secrets'];
}

export interface AppService extends AppApi {
  close(): Promise<void>;
  /** How many documents are held in memory (for the "nothing is kept" tests). */
  jobCount(): Promise<number>;
}

/**
 * The app's work, without Electron: jobs live in memory only, keyed by a random id, and are
 * dropped on discard, on quit, or when too many pile up. Every payload is validated.
 */
export interface ServiceOptions {
  limits?: Limits;
  /** Where the installed program lives: an organisation's config may sit next to it. */
  installDir?: string;
  /** Hears the running analysis's progress at every change, and null once it has ended. */
  onProgress?: ProgressListener;
}

export function createAppService(
  dialogs: Dialogs,
  engines: Engines = createEngines(),
  options: ServiceOptions = {},
): AppService {
  const limits = options.limits ?? DEFAULT_LIMITS;
  // Read once: an organisation's config does not change while the app runs.
  let config: Promise<OrgConfig | null> | null = null;
  const orgConfig = () =>
    (config ??= findOrgConfig(
      configSources(process.env, options.installDir ?? process.cwd(), process.platform),
    ));
  const jobs = new Map<string, Job>();
  // The last copy saved, for "show in folder"; its path only, in memory.
  let lastSaved: string | null = null;
  // One analysis at a time per window; a new one supersedes (cancels) the one before.
  let running: { progress: AnalysisProgress; stop: AbortController } | null = null;
  const tell = (progress: AnalysisProgress | null) => options.onProgress?.(progress);

  const jobOf = (id: unknown): Job => {
    const job = jobs.get(valid.jobId(id));
    if (!job) throw new VkError('INVALID_ARGUMENTS', { reason: 'job' });
    return job;
  };

  return {
    settings: () =>
      guard(async () => {
        const config = await orgConfig();
        return { config, logo: config ? await logoPng(config) : null };
      }),

    openFiles: () =>
      guard(async (): Promise<InputFile[] | null> => {
        const paths = await dialogs.chooseFiles();
        if (!paths || paths.length === 0) return null;
        return Promise.all(
          paths.slice(0, 2).map(async (p) => ({
            name: p.split(/[\\/]/).pop() ?? 'file',
            bytes: new Uint8Array((await readInputFile(p, limits)).bytes),
          })),
        );
      }),

    analyze: (files) =>
      guard(async (): Promise<AnalysisResult> => {
        const inputs = valid.inputFiles(files);
        running?.stop.abort(new VkError('CANCELLED'));
        const run = { progress: startProgress(inputs.length), stop: new AbortController() };
        running = run;
        const advance = (progress: AnalysisProgress) => {
          // A superseded analysis says nothing more: the page shows the newer one.
          if (running !== run) return;
          run.progress = progress;
          tell(progress);
        };
        advance(run.progress);
        const { signal } = run.stop;
        const limit = setTimeout(
          () =>
            run.stop.abort(
              new VkError('TIMEOUT', { seconds: Math.round(limits.jobTimeoutMs / 1000) }),
            ),
          limits.jobTimeoutMs,
        );
        const work = async (): Promise<AnalysisResult> => {
          const { images, detections, plan } = await analyzeDocument(
            inputs.map((f) => Buffer.from(f.bytes)),
            {
              engines,
              limits,
              signal,
              onSides: (sides) => advance({ ...run.progress, sides }),
              onStage: (side, stage, phase) => {
                if (isProgressStage(stage))
                  advance(advanceProgress(run.progress, side, stage, phase));
              },
            },
          );
          const sides = await Promise.all(
            images.map(async (img) => ({
              width: img.width,
              height: img.height,
              png: await toPng(img, 4000),
            })),
          );
          // Only a job that is still wanted is kept.
          stopIfAborted(signal);
          const jobId = randomBytes(16).toString('hex');
          while (jobs.size >= MAX_JOBS) jobs.delete(jobs.keys().next().value as string);
          jobs.set(jobId, { images, detections, secrets: plan.secrets });
          return {
            jobId,
            sides,
            regions: plan.regions,
            warnings: plan.warnings,
            documentKind: plan.document.kind,
          };
        };
        try {
          // A stuck step is not waited for: Cancel or the time limit answers at once.
          return await untilAborted(work(), signal);
        } finally {
          // Work still running stops at its next stage (a decoder at once) and keeps nothing.
          run.stop.abort(new VkError('CANCELLED'));
          clearTimeout(limit);
          if (running === run) {
            running = null;
            tell(null);
          }
        }
      }),

    cancel: async () => {
      running?.stop.abort(new VkError('CANCELLED'));
      return true as const;
    },

    preview: (id, sideIndex, regionList, mark) =>
      guard(async () => {
        const side = valid.side(sideIndex);
        const sent = valid.regions(regionList);
        const watermark = valid.watermark(mark);
        const job = jobOf(id);
        const img = job.images[side];
        if (!img) throw new VkError('INVALID_ARGUMENTS', { reason: 'side' });
        // The preview shows what export will burn, policy included.
        const { regions } = enforcePolicy(job.detections, sent, await orgConfig());
        const [out] = await renderSafeCopy(
          [img],
          regions.filter((r) => r.side === side).map((r) => ({ ...r, side: 0 })),
          copySettings(watermark, []),
        );
        return toPng(out as RawImage, PREVIEW_LONG_SIDE);
      }),

    exportCopy: (request) =>
      guard(async (): Promise<ExportResult> => {
        const req = valid.exportRequest(request);
        const job = jobOf(req.jobId);
        if (req.format !== 'pdf' && job.images.length > 1)
          throw new VkError('INVALID_ARGUMENTS', { reason: 'format' });
        const config = await orgConfig();
        if (!req.watermark && config?.locked?.includes('watermark'))
          throw new VkError('INVALID_ARGUMENTS', { reason: 'watermark' });
        // The same path as the CLI: policy, burn, independent self-check; then encode.
        const policy = enforcePolicy(job.detections, req.regions, config);
        const copy = await produceSafeCopy(
          job.images,
          policy.regions,
          copySettings(req.watermark, policy.kept),
          engines,
          { secrets: job.secrets, detections: job.detections },
        );
        if (copy.warnings.length > 0) {
          const added = copy.regions.filter((r) => !policy.regions.includes(r));
          return { saved: false, reason: 'selfcheck', warnings: copy.warnings, regions: added };
        }
        const target = await dialogs.chooseSaveTarget(suggestedFileName(req.format), req.format);
        if (!target) return { saved: false, reason: 'cancelled' };
        const letter =
          req.letter && req.watermark && isPurpose(req.watermark.purpose)
            ? await renderLetterPages(
                buildLetter({
                  right: req.watermark.purpose,
                  lang: req.watermark.lang,
                  requester: req.letter,
                  recipient: req.watermark.recipient,
                  date: req.watermark.date,
                }),
              )
            : [];
        const bytes = await encodeCopy(copy.images, req.format, letter);
        // An export that crashed earlier may have left its temp file in this folder.
        await removeStaleTempFiles(path.dirname(target));
        await writeFileAtomic(target, bytes);
        lastSaved = target;
        return {
          saved: true,
          fileName: path.basename(target),
          folder: path.dirname(target),
          summary: { regions: copy.regions.length, restored: policy.restored },
        };
      }),

    discard: (id) =>
      guard(async () => {
        jobs.delete(valid.jobId(id));
        return true as const;
      }),

    showSaved: () =>
      guard(async () => {
        if (lastSaved) await dialogs.reveal(lastSaved);
        return true as const;
      }),

    jobCount: async () => jobs.size,

    close: async () => {
      jobs.clear();
      await closeEngines(engines);
    },
  };
}
