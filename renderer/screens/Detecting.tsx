import { useEffect, useState } from 'react';
import { PROGRESS_STAGES, type AnalysisProgress } from '../../shared/progress.ts';
import { api } from '../api.ts';
import { useT } from '../i18n.ts';

/** Detection in progress: a checklist of stages filled in as the pipeline reports them. */
export function Detecting({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const [progress, setProgress] = useState<AnalysisProgress | null>(null);
  // Pushed by the service at every stage; the last state stays shown until the screen changes.
  useEffect(() => api().onProgress((p) => p && setProgress(p)), []);
  // The orientation stage only appears when the document was not upright.
  const stages = PROGRESS_STAGES.filter(
    (s) => s !== 'orient' || (progress && progress.stages.orient !== 'pending'),
  );
  return (
    <main className="detecting" aria-busy="true">
      <div className="spinner" />
      <p>{t('ui.detecting')}</p>
      {progress && progress.sides > 1 && (
        <p className="hint">
          {t('ui.side_of', { side: progress.side + 1, sides: progress.sides })}
        </p>
      )}
      <ol className="stages" aria-live="polite" aria-label={t('ui.detecting')}>
        {stages.map((s) => {
          const state = progress?.stages[s] ?? 'pending';
          return (
            <li key={s} className={`stage-${state}`} data-stage={s}>
              <span className="mark" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'active' ? '…' : ''}
              </span>
              {t(`ui.stage_${s}`)}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={onCancel}>
        {t('ui.cancel')}
      </button>
    </main>
  );
}
