import { isPurpose, PURPOSES } from '../../shared/settings.ts';
import { useT } from '../i18n.ts';
import { useStore } from '../state/store.ts';

/**
 * What the copy is for and who gets it: the purposes the organisation offers (or the AVG rights
 * and a text of one's own), and the recipient. Settings the organisation locks are shown, not
 * changeable. `required` marks the recipient as needed (the front desk's save screen).
 */
export function WatermarkFields({ required = false }: { required?: boolean }) {
  const t = useT();
  const purpose = useStore((s) => s.purpose);
  const customPurpose = useStore((s) => s.customPurpose);
  const recipient = useStore((s) => s.recipient);
  const setWatermark = useStore((s) => s.setWatermark);
  const org = useStore((s) => s.org);
  const locked = org?.locked ?? [];
  const missing = required && !recipient.trim();
  return (
    <>
      <label>
        {t('ui.purpose')}
        <select
          value={purpose}
          disabled={locked.includes('purpose')}
          onChange={(e) => setWatermark({ purpose: e.target.value })}
        >
          {(org?.purposes ?? PURPOSES).map((p) => (
            <option key={p} value={p}>
              {isPurpose(p) ? t(`purpose.${p}`) : p}
            </option>
          ))}
          {!org?.purposes && <option value="other">{t('ui.purpose_other')}</option>}
        </select>
      </label>
      {purpose === 'other' && (
        <label>
          {t('ui.purpose_text')}
          <input
            value={customPurpose}
            maxLength={100}
            onChange={(e) => setWatermark({ customPurpose: e.target.value })}
          />
        </label>
      )}
      <label>
        {t('ui.recipient')}
        <input
          value={recipient}
          maxLength={100}
          required={required}
          aria-invalid={missing}
          disabled={locked.includes('recipient')}
          onChange={(e) => setWatermark({ recipient: e.target.value })}
        />
      </label>
      {missing && <p className="muted">{t('ui.recipient_required')}</p>}
    </>
  );
}
