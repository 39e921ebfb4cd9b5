import { warningSide, warningSpot, warningText, type Warning } from '../../shared/warnings.ts';
import type { Box } from '../../shared/regions.ts';
import { useStore } from '../state/store.ts';
import { useT } from '../i18n.ts';

/**
 * What detection or the self-check could not confirm, said plainly, each with a way to act on it:
 * a box over the spot it points at, or draw mode on its side. Export waits until it is ticked.
 */
export function Warnings({
  warnings,
  sides,
  onDraw,
  onCover,
}: {
  warnings: Warning[];
  sides: number;
  onDraw?: (side: number) => void;
  onCover?: (side: number, spot: Box) => void;
}) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const acknowledged = useStore((s) => s.acknowledged);
  const setUi = useStore((s) => s.setUi);
  if (warnings.length === 0) return null;
  return (
    <section className="warnings" role="alert" aria-label={t('ui.warnings')}>
      <h2>{t('ui.warnings')}</h2>
      <ul>
        {warnings.map((w, i) => {
          const side = warningSide(w) ?? 0;
          const spot = warningSpot(w);
          return (
            <li key={i}>
              {warningText(lang, w, sides)}
              {spot && onCover && (
                <button type="button" className="link" onClick={() => onCover(side, spot)}>
                  {t('ui.cover_spot')}
                </button>
              )}
              {!spot && onDraw && w.code === 'missing' && (
                <button type="button" className="link" onClick={() => onDraw(side)}>
                  {t('ui.draw_yourself')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <label className="ack">
        <input
          type="checkbox"
          checked={acknowledged}
          onChange={(e) => setUi({ acknowledged: e.target.checked })}
        />
        {t('ui.acknowledge')}
      </label>
    </section>
  );
}
