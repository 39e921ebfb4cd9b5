import { isPurpose } from '../../shared/settings.ts';
import { watermarkText } from '../../shared/watermark-text.ts';
import { useT } from '../i18n.ts';
import { useWatermark } from './Watermark.tsx';
import { useStore } from '../state/store.ts';

/** Step 3: choose PDF or image and save through the system's save dialog; then start over. */
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
  const savedAs = useStore((s) => s.savedAs);
  const job = useStore((s) => s.job);
  const setUi = useStore((s) => s.setUi);
  const purpose = useStore((s) => s.purpose);
  const letterOn = useStore((s) => s.letterOn);
  const requesterName = useStore((s) => s.requesterName);
  const requesterContact = useStore((s) => s.requesterContact);
  const setLetter = useStore((s) => s.setLetter);
  const frontDesk = useStore((s) => s.frontDesk);
  const watermark = useWatermark();
  // A letter asks for one of the AVG rights; free-text purposes have no article to cite.
  const letterPossible = format === 'pdf' && isPurpose(purpose);
  const letterIncomplete = letterPossible && letterOn && !requesterName.trim();
  if (savedAs) {
    return (
      <main className="done" data-testid="done">
        <p className="saved">{t('ui.saved', { name: savedAs })}</p>
        <button
          type="button"
          className="primary"
          onClick={onNew}
          data-testid="new-document"
          autoFocus
        >
          {t('ui.new_document')}
        </button>
      </main>
    );
  }
  return (
    <main className="export">
      {frontDesk && (
        <p className="intro" data-testid="watermark-text">
          {watermarkText(watermark)}
        </p>
      )}
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
              data-testid="letter"
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
                  data-testid="letter-name"
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
                  data-testid="letter-contact"
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
        <button
          type="button"
          className="primary"
          onClick={onSave}
          disabled={letterIncomplete}
          data-testid="save"
        >
          {t('ui.save')}
        </button>
      </div>
    </main>
  );
}
