import { mayKeepKind } from '../../shared/org-config.ts';
import { useStore } from '../state/store.ts';
import { useT } from '../i18n.ts';

/** Every region of the document, with a tick box each; the selected one can be deleted. */
export function RegionList() {
  const t = useT();
  const regions = useStore((s) => s.regions);
  const excluded = useStore((s) => s.excluded);
  const selected = useStore((s) => s.selected);
  const job = useStore((s) => s.job);
  const toggle = useStore((s) => s.toggleExcluded);
  const select = useStore((s) => s.select);
  const setUi = useStore((s) => s.setUi);
  const org = useStore((s) => s.org);
  if (regions.length === 0) return <p className="muted">{t('ui.no_regions')}</p>;
  return (
    <ul className="region-list" data-testid="region-list">
      {regions.map((r) => (
        <li key={r.id} className={r.id === selected ? 'selected' : ''}>
          <label>
            <input
              type="checkbox"
              checked={!excluded.includes(r.id)}
              disabled={!excluded.includes(r.id) && !mayKeepKind(org, r.kind)}
              title={mayKeepKind(org, r.kind) ? undefined : t('ui.always_redacted')}
              onChange={() => toggle(r.id)}
              aria-label={t('ui.include')}
            />
            <span className={`swatch kind-${r.kind}`} />
            <button
              type="button"
              className="kind link"
              data-kind={r.kind}
              onClick={() => {
                select(r.id);
                setUi({ side: r.side });
              }}
            >
              {t(`kind.${r.kind}`)}
            </button>
            {job && job.sides.length > 1 && (
              <span className="side">{t(r.side ? 'ui.side_back' : 'ui.side_front')}</span>
            )}
          </label>
        </li>
      ))}
    </ul>
  );
}
