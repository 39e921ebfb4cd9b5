import { useT } from '../i18n.ts';
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
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t('ui.back')}
        </button>
        <button type="button" className="primary" onClick={onSave} data-testid="save">
          {t('ui.save')}
        </button>
      </div>
    </main>
  );
}
