import { warningText, type Warning } from '../../shared/warnings.ts';
import { useStore } from '../state/store.ts';
import { useT } from '../i18n.ts';

/** What detection could not confirm, said plainly; export waits until the person ticks it off. */
export function Warnings({ warnings, sides }: { warnings: Warning[]; sides: number }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const acknowledged = useStore((s) => s.acknowledged);
  const setUi = useStore((s) => s.setUi);
  if (warnings.length === 0) return null;
  return (
    <section className="warnings" role="alert" data-testid="warnings">
      <h2>{t('ui.warnings')}</h2>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{warningText(lang, w, sides)}</li>
        ))}
      </ul>
      <label className="ack">
        <input
          type="checkbox"
          checked={acknowledged}
          onChange={(e) => setUi({ acknowledged: e.target.checked })}
          data-testid="acknowledge"
        />
        {t('ui.acknowledge')}
      </label>
    </section>
  );
}
