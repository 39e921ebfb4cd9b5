import { mayKeepKind } from '../../shared/org-config.ts';
import { useStore } from '../state/store.ts';
import { useT } from '../i18n.ts';

/**
 * Every region of the document, with a tick box each named after it. Unticking asks first, with
 * the one good reason to do it; a kind the organisation always redacts cannot be unticked.
 */
export function RegionList() {
  const t = useT();
  const regions = useStore((s) => s.regions);
  const excluded = useStore((s) => s.excluded);
  const selected = useStore((s) => s.selected);
  const confirmKeep = useStore((s) => s.confirmKeep);
  const job = useStore((s) => s.job);
  const toggle = useStore((s) => s.toggleExcluded);
  const answerKeep = useStore((s) => s.answerKeep);
  const select = useStore((s) => s.select);
  const setUi = useStore((s) => s.setUi);
  const org = useStore((s) => s.org);
  if (regions.length === 0) return <p className="muted">{t('ui.no_regions')}</p>;
  return (
    <ul className="region-list" aria-label={t('ui.regions')}>
      {regions.map((r) => {
        const kind = t(`kind.${r.kind}`);
        const locked = !mayKeepKind(org, r.kind);
        return (
          <li key={r.id} className={r.id === selected ? 'selected' : ''}>
            <div className="row">
              <input
                type="checkbox"
                id={`include-${r.id}`}
                checked={!excluded.includes(r.id)}
                disabled={!excluded.includes(r.id) && locked}
                title={locked ? t('ui.always_redacted') : undefined}
                onChange={() => toggle(r.id)}
                aria-label={t('ui.include', { kind })}
              />
              <span className={`swatch kind-${r.kind}`} aria-hidden="true" />
              <button
                type="button"
                className="kind link"
                data-kind={r.kind}
                onClick={() => {
                  select(r.id);
                  setUi({ side: r.side });
                }}
              >
                {kind}
              </button>
              {job && job.sides.length > 1 && (
                <span className="side">{t(r.side ? 'ui.side_back' : 'ui.side_front')}</span>
              )}
            </div>
            {confirmKeep === r.id && (
              <div className="confirm" role="group" aria-label={t('ui.keep_question', { kind })}>
                <p>
                  <strong>{t('ui.keep_question', { kind })}</strong> {t('ui.keep_reason')}
                </p>
                <button type="button" onClick={() => answerKeep(false)} autoFocus>
                  {t('ui.keep_no')}
                </button>
                <button type="button" onClick={() => answerKeep(true)}>
                  {t('ui.keep_yes')}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
