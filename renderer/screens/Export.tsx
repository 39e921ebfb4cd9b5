import { isPurpose } from '../../shared/settings.ts';
import { watermarkText } from '../../shared/watermark-text.ts';
import { api } from '../api.ts';
import { DocumentView } from '../components/DocumentView.tsx';
import { SideSwitch } from '../components/SideSwitch.tsx';
import { WatermarkFields } from '../components/WatermarkFields.tsx';
import { StepHeading } from '../components/StepHeading.tsx';
import { usePreview } from '../components/usePreview.ts';
import { usePrimaryAction } from '../components/usePrimaryAction.ts';
import { Warnings } from '../components/Warnings.tsx';
import { useT } from '../i18n.ts';
import { activeRegions, useStore } from '../state/store.ts';
import { useWatermark } from './Watermark.tsx';

/**
 * Step 3: the exact file, page by page, and what it holds; PDF or image; save through the
 * system's dialog (the service checks the copy once more first). Then where it went.
 */
export function Export({
  onSave,
  onBack,
  onNew,
}: {
  onSave: () => void;
  onBack: () => void;
  onNew: () => void;
}) {
  const t = useT();
  const format = useStore((s) => s.format);
  const saved = useStore((s) => s.saved);
  const job = useStore((s) => s.job);
  const setUi = useStore((s) => s.setUi);
  const purpose = useStore((s) => s.purpose);
  const recipient = useStore((s) => s.recipient);
  const letterOn = useStore((s) => s.letterOn);
  const requesterName = useStore((s) => s.requesterName);
  const requesterContact = useStore((s) => s.requesterContact);
  const setLetter = useStore((s) => s.setLetter);
  const frontDesk = useStore((s) => s.frontDesk);
  const checkFound = useStore((s) => s.checkFound);
  const acknowledged = useStore((s) => s.acknowledged);
  const count = useStore((s) => activeRegions(s).length);
  const watermark = useWatermark();
  const preview = usePreview(watermark, !saved);
  // A letter asks for one of the AVG rights; free-text purposes have no article to cite.
  const letterPossible = format === 'pdf' && isPurpose(purpose);
  const letterIncomplete = letterPossible && letterOn && !requesterName.trim();
  const recipientMissing = frontDesk && !recipient.trim();
  const checkOpen = checkFound && !acknowledged;
  const summary = t('ui.summary', { count, watermark: watermarkText(watermark) });
  const warned = (job?.warnings.length ?? 0) > 0;
  const saveBlocked = letterIncomplete || recipientMissing || checkOpen;
  usePrimaryAction(saved ? onNew : saveBlocked ? null : onSave);

  if (saved) {
    return (
      <main className="done" aria-label={t('ui.done')}>
        <StepHeading step="export" />
        <p className="saved">
          {t(warned ? 'ui.saved_after_warnings' : 'ui.saved', { name: saved.fileName })}
        </p>
        <p>{t('ui.saved_folder', { folder: saved.folder })}</p>
        <p className="summary" role="status">
          {summary} · {t('ui.summary_checked')}
        </p>
        {saved.summary.restored > 0 && (
          <p className="muted">{t('ui.summary_restored', { count: saved.summary.restored })}</p>
        )}
        <div className="actions">
          <button type="button" onClick={() => void api().showSaved()}>
            {t('ui.show_in_folder')}
          </button>
          <button type="button" className="primary" onClick={onNew}>
            {t('ui.new_document')}
          </button>
        </div>
      </main>
    );
  }
  return (
    <main className="review export">
      <section className="workspace">
        <StepHeading step="export" />
        <h3>{t('ui.final_preview')}</h3>
        {job && job.sides.length > 1 && (
          <div className="toolbar" role="toolbar">
            <SideSwitch />
          </div>
        )}
        <DocumentView resultPng={preview} resultOnly />
      </section>
      <aside className="panel form">
        <p className="summary" role="status">
          {summary}
        </p>
        <p className="hint">{t('ui.summary_check_pending')}</p>
        {checkFound && (
          <>
            <p className="warn-text">{t('ui.selfcheck_found')}</p>
            <Warnings warnings={job?.warnings ?? []} sides={job?.sides.length ?? 1} />
          </>
        )}
        {frontDesk && <WatermarkFields required />}
        <fieldset>
          <legend>{t('ui.format')}</legend>
          <label>
            <input
              type="radio"
              name="format"
              checked={format === 'pdf'}
              onChange={() => setUi({ format: 'pdf' })}
            />
            {t('ui.format_pdf')}
          </label>
          <label>
            <input
              type="radio"
              name="format"
              disabled={(job?.sides.length ?? 1) > 1}
              checked={format === 'png'}
              onChange={() => setUi({ format: 'png' })}
            />
            {t('ui.format_png')}
          </label>
        </fieldset>
        {letterPossible && (
          <fieldset className="letter">
            <legend>{t('ui.letter')}</legend>
            <label className="check">
              <input
                type="checkbox"
                checked={letterOn}
                onChange={(e) => setLetter({ letterOn: e.target.checked })}
              />
              {t('ui.letter_add', { right: t(`purpose.${purpose}`) })}
            </label>
            {letterOn && (
              <>
                <label>
                  {t('ui.letter_name')}
                  <input
                    value={requesterName}
                    maxLength={120}
                    autoComplete="off"
                    onChange={(e) => setLetter({ requesterName: e.target.value })}
                  />
                </label>
                <label>
                  {t('ui.letter_contact')}
                  <textarea
                    value={requesterContact}
                    maxLength={500}
                    rows={3}
                    autoComplete="off"
                    onChange={(e) => setLetter({ requesterContact: e.target.value })}
                  />
                </label>
                <p className="hint">{t('ui.letter_not_kept')}</p>
              </>
            )}
          </fieldset>
        )}
        <div className="actions">
          <button type="button" onClick={onBack}>
            {t('ui.back')}
          </button>
          <button type="button" className="primary" onClick={onSave} disabled={saveBlocked}>
            {t('ui.save')}
          </button>
        </div>
      </aside>
    </main>
  );
}
