import { useT } from '../i18n.ts';
import { useStore } from '../state/store.ts';

/** Front / back buttons, for a document with two sides (nothing for one). */
export function SideSwitch() {
  const t = useT();
  const job = useStore((s) => s.job);
  const side = useStore((s) => s.side);
  const setUi = useStore((s) => s.setUi);
  if (!job || job.sides.length < 2) return null;
  return job.sides.map((_, i) => (
    <button
      key={i}
      type="button"
      aria-pressed={side === i}
      className={side === i ? 'active' : ''}
      onClick={() => setUi({ side: i })}
    >
      {t(i ? 'ui.side_back' : 'ui.side_front')}
    </button>
  ));
}
