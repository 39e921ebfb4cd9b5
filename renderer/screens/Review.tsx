import { DocumentView } from '../components/DocumentView.tsx';
import { RegionList } from '../components/RegionList.tsx';
import { usePreview } from '../components/usePreview.ts';
import { Warnings } from '../components/Warnings.tsx';
import { useT } from '../i18n.ts';
import { useStore } from '../state/store.ts';

/** Step 1: every region on the document and in a list; draw, move, resize, delete, undo. */
export function Review({ onNext }: { onNext: () => void }) {
  const t = useT();
  const job = useStore((s) => s.job);
  const side = useStore((s) => s.side);
  const drawing = useStore((s) => s.drawing);
  const showResult = useStore((s) => s.showResult);
  const selected = useStore((s) => s.selected);
  const zoom = useStore((s) => s.zoom);
  const past = useStore((s) => s.past);
  const future = useStore((s) => s.future);
  const acknowledged = useStore((s) => s.acknowledged);
  const setUi = useStore((s) => s.setUi);
  const undo = useStore((s) => s.undo);
  const redo = useStore((s) => s.redo);
  const editRegions = useStore((s) => s.editRegions);
  const select = useStore((s) => s.select);
  const result = usePreview(null, showResult);
  if (!job) return null;
  const blocked = job.warnings.length > 0 && !acknowledged;
  return (
    <main className="review">
      <section className="workspace">
        <p className="intro">{t('ui.review_intro')}</p>
        <div className="toolbar" role="toolbar">
          {job.sides.length > 1 &&
            job.sides.map((_, i) => (
              <button
                key={i}
                type="button"
                className={side === i ? 'active' : ''}
                onClick={() => setUi({ side: i })}
                data-testid={`side-${i}`}
              >
                {t(i ? 'ui.side_back' : 'ui.side_front')}
              </button>
            ))}
          <button
            type="button"
            className={drawing ? 'active' : ''}
            aria-pressed={drawing}
            onClick={() => setUi({ drawing: !drawing })}
            data-testid="draw"
          >
            {t('ui.draw')}
          </button>
          <button
            type="button"
            disabled={!selected}
            onClick={() => {
              editRegions((rs) => rs.filter((r) => r.id !== selected));
              select(null);
            }}
            data-testid="delete"
          >
            {t('ui.delete')}
          </button>
          <button type="button" disabled={past.length === 0} onClick={undo} data-testid="undo">
            {t('ui.undo')}
          </button>
          <button type="button" disabled={future.length === 0} onClick={redo}>
            {t('ui.redo')}
          </button>
          <button
            type="button"
            onClick={() => setUi({ zoom: Math.max(0.5, zoom / 1.25) })}
            aria-label={t('ui.zoom_out')}
          >
            −
          </button>
          <button
            type="button"
            onClick={() => setUi({ zoom: Math.min(4, zoom * 1.25) })}
            aria-label={t('ui.zoom_in')}
          >
            +
          </button>
          <button
            type="button"
            onClick={() => setUi({ showResult: !showResult })}
            data-testid="toggle-result"
          >
            {showResult ? t('ui.show_original') : t('ui.show_result')}
          </button>
        </div>
        <DocumentView resultPng={result} />
      </section>
      <aside className="panel">
        <Warnings warnings={job.warnings} sides={job.sides.length} />
        <h2>{t('ui.regions')}</h2>
        <RegionList />
        <div className="actions">
          {blocked && <p className="muted">{t('ui.export_blocked')}</p>}
          <button
            type="button"
            className="primary"
            disabled={blocked}
            onClick={onNext}
            data-testid="next"
          >
            {t('ui.next')}
          </button>
        </div>
      </aside>
    </main>
  );
}
