import type { ErrorCode } from './errors.ts';
import type { AnalysisProgress } from './progress.ts';
import { RequesterSchema } from './letter/letter.ts';
import type { OrgConfig } from './org-config.ts';
import { RegionSchema, type Region } from './regions.ts';
import { type Static, StringEnum, Nullable, Type } from './schema.ts';
import { WatermarkSettingsSchema, type WatermarkSettings } from './settings.ts';
import type { Warning } from './warnings.ts';

/** One input file as the renderer hands it over (dropped, pasted or chosen). */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface SideView {
  width: number;
  height: number;
  /** The displayed (oriented) image as PNG, for drawing regions on. */
  png: Uint8Array;
}

export interface AnalysisResult {
  jobId: string;
  sides: SideView[];
  regions: Region[];
  warnings: Warning[];
  documentKind: string;
}

export const EXPORT_FORMATS = ['pdf', 'png', 'jpeg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A job's id as the service hands it out: random hex, nothing a path could be made of. */
export const JobIdSchema = Type.String({ pattern: '^[a-f0-9]{16,64}$' });
export const RegionListSchema = Type.Array(RegionSchema, { maxItems: 200 });

export const ExportRequestSchema = Type.Object(
  {
    jobId: JobIdSchema,
    regions: RegionListSchema,
    watermark: Nullable(WatermarkSettingsSchema),
    format: StringEnum(EXPORT_FORMATS),
    /**
     * Put an AVG request letter before the copy (PDF only), for the watermark's right, recipient,
     * date and language. The requester's details are used for this file and then forgotten.
     */
    letter: Type.Optional(Nullable(RequesterSchema)),
  },
  { additionalProperties: false },
);
export type ExportRequest = Static<typeof ExportRequestSchema>;

/** What the saved copy holds, for the summary before and after saving. */
export interface CopySummary {
  /** Regions burned, including any the service put back or the self-check added. */
  regions: number;
  /** Automatic regions the policy put back after the review removed them. */
  restored: number;
}

export type ExportResult =
  | { saved: true; fileName: string; folder: string; summary: CopySummary }
  | { saved: false; reason: 'cancelled' }
  /**
   * The self-check could still read something: nothing was saved. The regions it added are sent
   * back for the person to see and confirm; the next export includes them.
   */
  | { saved: false; reason: 'selfcheck'; warnings: Warning[]; regions: Region[] };

/** Errors cross the bridge as data: a code and safe parameters, translated by the renderer. */
export interface ApiError {
  error: ErrorCode;
  params: Record<string, string | number>;
}
export type ApiResult<T> = T | ApiError;

export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** How the app is set up on this machine (an organisation's config, when there is one). */
export interface AppSettings {
  config: OrgConfig | null;
  /** The organisation's logo, re-encoded as PNG (the page cannot read files itself). */
  logo: Uint8Array | null;
}

/** What `window.api` offers (preload in Electron, an HTTP bridge in browser tests). */
export interface AppApi {
  /** The organisation's config, checked; an invalid file answers INVALID_CONFIG. */
  settings(): Promise<ApiResult<AppSettings>>;
  /** Native open dialog; the files' bytes come back for `analyze`. Null when cancelled. */
  openFiles(): Promise<ApiResult<InputFile[] | null>>;
  analyze(files: InputFile[]): Promise<ApiResult<AnalysisResult>>;
  /** Stops the running analysis at its next stage; it then answers with CANCELLED. */
  cancel(): Promise<ApiResult<true>>;
  /** The safe copy of one side as it will be exported (PNG, scaled down for the screen). */
  preview(
    jobId: string,
    side: number,
    regions: Region[],
    watermark: WatermarkSettings | null,
  ): Promise<ApiResult<Uint8Array>>;
  exportCopy(request: ExportRequest): Promise<ApiResult<ExportResult>>;
  /** Forget the job: images and findings are dropped from memory. */
  discard(jobId: string): Promise<ApiResult<true>>;
  /** Shows the last saved copy in the system's file manager ("Toon in map"). */
  showSaved(): Promise<ApiResult<true>>;
}

/** The one contract between renderer and main process: each API method is one IPC channel. */
export const CHANNELS = {
  settings: 'vk:settings',
  openFiles: 'vk:open-files',
  analyze: 'vk:analyze',
  cancel: 'vk:cancel',
  preview: 'vk:preview',
  exportCopy: 'vk:export',
  discard: 'vk:discard',
  showSaved: 'vk:show-saved',
} as const satisfies Record<keyof AppApi, string>;
export type ApiMethod = keyof typeof CHANNELS;
export const API_METHODS = Object.keys(CHANNELS) as ApiMethod[];

/** Stage by stage state of the running analysis as it changes, then null when it has ended. */
export type ProgressListener = (progress: AnalysisProgress | null) => void;

/** The one event the main process pushes to the page. */
export const PROGRESS_EVENT = 'vk:progress';

/** What the page sees as `window.api`: the calls, and a subscription to the analysis's progress. */
export interface WindowApi extends AppApi {
  /** Hears every change of the running analysis's progress; returns the unsubscribe. */
  onProgress(listener: ProgressListener): () => void;
}
