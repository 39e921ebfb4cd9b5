import type { ExportFormat } from '../../../shared/ipc.ts';
import type { AnalysisProgress } from '../../../shared/progress.ts';

/** Messages between the main thread and the pipeline worker. */
export type ToWorker =
  | { type: 'call'; id: number; method: string; args: unknown[] }
  | { type: 'dialog-reply'; id: number; result: unknown };

export type FromWorker =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'progress'; progress: AnalysisProgress | null }
  | { type: 'dialog'; id: number; name: 'chooseFiles' }
  | { type: 'dialog'; id: number; name: 'reveal'; file: string }
  | {
      type: 'dialog';
      id: number;
      name: 'chooseSaveTarget';
      suggestedName: string;
      format: ExportFormat;
    };
