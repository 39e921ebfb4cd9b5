import { translate } from './i18n/translate.ts';
import { isPurpose, type WatermarkSettings } from './settings.ts';

/** "2026-11-23" -> "23-11-2026", the way dates are written on Dutch forms. */
export function formatDisplayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/** The sentence stamped across the copy: what it is for, for whom, when, and that it is no ID. */
export function watermarkText(s: WatermarkSettings): string {
  const purpose = isPurpose(s.purpose)
    ? translate(s.lang, `purpose.${s.purpose}`)
    : s.purpose.trim();
  const recipient = s.recipient.trim()
    ? translate(s.lang, 'watermark.recipient', { recipient: s.recipient.trim() })
    : '';
  return translate(s.lang, 'watermark.template', {
    purpose,
    recipient,
    date: formatDisplayDate(s.date),
  });
}
