import { DocumentView } from '../components/DocumentView.tsx';
import { RegionList } from '../components/RegionList.tsx';
import { SideSwitch } from '../components/SideSwitch.tsx';
import { StepHeading } from '../components/StepHeading.tsx';
import { usePrimaryAction } from '../components/usePrimaryAction.ts';
import { Warnings } from '../components/Warnings.tsx';
import { useT } from '../i18n.ts';
import { useStore } from '../state/store.ts';

/**
 * Step 1: every region on the document, black as it will be burned, and in a list; draw, add,
 * move, resize, untick, undo. The original shows only while "show original" is pressed.
 */
export function Review({ onNext }: { onNext: () => void }) {
  const t = useT();
  const job = useStore((s) => s.job);
  const side = useStore((s) => s.side);
  const drawing = useStore((s) => s.drawing);
  const showOriginal = useStore((s) => s.showOriginal);
  const selected = useStore((s) => s.selected);
  const regions = useStore((s) => s.regions);
  const zoom = useStore((s) => s.zoom);
  const past = useStore((s) => s.past);
  const future = useStore((s) => s.future);
  const acknowledged = useStore((s) => s.acknowledged);
  const setUi = useStore((s) => s.setUi);
  const undo = useStore((s) => s.undo);
  const redo = useStore((s) => s.redo);
  const removeRegion = useStore((s) => s.removeRegion);
  const addBox = useStore((s) => s.addBox);
  const blocked = !!job && job.warnings.length > 0 && !acknowledged;
  usePrimaryAction(job && !blocked ? onNext : null);
  if (!job) return null;
  const view = job.sides[side];
  const selectedRegion = regions.find((r) => r.id === selected);
  // A new box from the keyboard: a tenth of the side in its middle, then arrows take over.
  const addCentred = () => {
    if (!view) return;
    const w = view.width / 5;
    const h = view.height / 10;
    addBox(side, { x: (view.width - w) / 2, y: (view.height - h) / 2, width: w, height: h });
  };
  return (
    <main className="review">
      <section className="workspace">
        <StepHeading step="review" />
        <p className="intro">{t('ui.review_intro')}</p>
        <div className="toolbar" role="toolbar" aria-label={t('ui.regions')}>
          <SideSwitch />
          <button
            type="button"
            className={drawing ? 'active' : ''}
            aria-pressed={drawing}
            onClick={() => setUi({ drawing: !drawing })}
          >
            {t('ui.draw')}
          </button>
          <button type="button" onClick={addCentred}>
            {t('ui.add_box')}
          </button>
          <button
            type="button"
            disabled={selectedRegion?.source !== 'manual'}
            title={
              selectedRegion && selectedRegion.source !== 'manual' ? t('ui.delete_auto') : undefined
            }
            onClick={() => selectedRegion && removeRegion(selectedRegion.id)}
          >
            {t('ui.delete')}
          </button>
          <button type="button" disabled={past.length === 0} onClick={undo}>
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
          <output className="zoom" aria-live="polite">
            {t('ui.zoom_level', { percent: Math.round(zoom * 100) })}
          </output>
          <button
            type="button"
            onClick={() => setUi({ zoom: Math.min(4, zoom * 1.25) })}
            aria-label={t('ui.zoom_in')}
          >
            +
          </button>
          <button type="button" disabled={zoom === 1} onClick={() => setUi({ zoom: 1 })}>
            {t('ui.fit')}
          </button>
          <button
            type="button"
            aria-pressed={showOriginal}
            className={showOriginal ? 'active' : ''}
            onClick={() => setUi({ showOriginal: !showOriginal })}
          >
            {t('ui.show_original')}
          </button>
        </div>
        <DocumentView resultPng={null} />
        <p className="hint">{t('ui.keyboard_hint')}</p>
      </section>
      <aside className="panel">
        <Warnings
          warnings={job.warnings}
          sides={job.sides.length}
          onDraw={(w) => setUi({ drawing: true, side: w })}
          onCover={(w, box) => addBox(w, box)}
        />
        <h2>{t('ui.regions')}</h2>
        <RegionList />
        <div className="actions">
          {blocked && <p className="muted">{t('ui.export_blocked')}</p>}
          <button type="button" className="primary" disabled={blocked} onClick={onNext}>
            {t('ui.next')}
          </button>
        </div>
      </aside>
    </main>
  );
}
