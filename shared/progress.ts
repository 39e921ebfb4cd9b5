/**
 * What the review screen waits for, stage by stage. The pipeline reports each stage's start and
 * end; the renderer shows them as a checklist. Several stages run at once (text, MRZ, photo and
 * codes are read in parallel), so each has its own state rather than one "current step".
 */
export const PROGRESS_STAGES = [
  'load',
  'locate',
  'mrz',
  'text',
  'faces',
  'barcodes',
  'orient',
] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];
export type StageState = 'pending' | 'active' | 'done';

export interface AnalysisProgress {
  /** 0-based side being analysed, and how many sides the job has. */
  side: number;
  sides: number;
  stages: Record<ProgressStage, StageState>;
}

export type StagePhase = 'start' | 'done';

export function isProgressStage(value: string): value is ProgressStage {
  return (PROGRESS_STAGES as readonly string[]).includes(value);
}

export function startProgress(sides: number): AnalysisProgress {
  return {
    side: 0,
    sides,
    stages: Object.fromEntries(
      PROGRESS_STAGES.map((s) => [s, 'pending']),
    ) as AnalysisProgress['stages'],
  };
}

/** The next state after `stage` of `side` started or finished; a new side starts a fresh list. */
export function advanceProgress(
  progress: AnalysisProgress,
  side: number,
  stage: ProgressStage,
  phase: StagePhase,
): AnalysisProgress {
  let base = progress;
  if (side !== progress.side) {
    // Files are all decoded before the first side is searched.
    const fresh = startProgress(progress.sides);
    base = { ...fresh, side, stages: { ...fresh.stages, load: 'done' } };
  }
  return {
    ...base,
    stages: { ...base.stages, [stage]: phase === 'start' ? 'active' : 'done' },
  };
}
