import type { WatermarkSettings } from '../../shared/settings.ts';
import { watermarkText } from '../../shared/watermark-text.ts';
import { DocumentView } from '../components/DocumentView.tsx';
import { StepHeading } from '../components/StepHeading.tsx';
import { WatermarkFields } from '../components/WatermarkFields.tsx';
import { usePreview } from '../components/usePreview.ts';
import { usePrimaryAction } from '../components/usePrimaryAction.ts';
import { useT } from '../i18n.ts';
import { useStore } from '../state/store.ts';

export function useWatermark(): WatermarkSettings {
  const purpose = useStore((s) => s.purpose);
  const customPurpose = useStore((s) => s.customPurpose);
  const recipient = useStore((s) => s.recipient);
  const date = useStore((s) => s.date);
  const lang = useStore((s) => s.lang);
  return { purpose: purpose === 'other' ? customPurpose || '…' : purpose, recipient, date, lang };
}

/** Step 2: what the copy is for, for whom, and when; the preview is the real output. */
export function Watermark({ onBack, onNext }: { onBack: () => void; onNext: () => void }) {
  const t = useT();
  const date = useStore((s) => s.date);
  const setWatermark = useStore((s) => s.setWatermark);
  const watermark = useWatermark();
  const preview = usePreview(watermark, true);
  usePrimaryAction(onNext);
  return (
    <main className="review">
      <section className="workspace">
        <StepHeading step="watermark" />
        <p className="intro">{watermarkText(watermark)}</p>
        <DocumentView resultPng={preview} resultOnly />
      </section>
      <aside className="panel form">
        <WatermarkFields />
        <label>
          {t('ui.date')}
          <input
            type="date"
            value={date}
            onChange={(e) => e.target.value && setWatermark({ date: e.target.value })}
          />
        </label>
        <div className="actions">
          <button type="button" onClick={onBack}>
            {t('ui.back')}
          </button>
          <button type="button" className="primary" onClick={onNext}>
            {t('ui.next')}
          </button>
        </div>
      </aside>
    </main>
  );
}
