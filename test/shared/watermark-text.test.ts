import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/en.json';
import nl from '../../shared/i18n/nl.json';
import { translate } from '../../shared/i18n/translate.ts';
import { PURPOSES } from '../../shared/settings.ts';
import { formatDisplayDate, watermarkText } from '../../shared/watermark-text.ts';

describe('watermark text', () => {
  it('names purpose, recipient and date in Dutch', () => {
    expect(
      watermarkText({
        purpose: 'inzage',
        recipient: 'Organisatie X',
        date: '2026-11-22',
        lang: 'nl',
      }),
    ).toBe(
      'KOPIE — uitsluitend voor inzageverzoek AVG aan Organisatie X — 22-11-2026 — geen geldig identiteitsbewijs',
    );
  });
  it('speaks English and accepts free text', () => {
    const text = watermarkText({
      purpose: 'job application',
      recipient: '',
      date: '2026-01-05',
      lang: 'en',
    });
    expect(text).toContain('job application');
    expect(text).toContain('05-01-2026');
    expect(text).toContain('not a valid identity document');
  });
  it('has a translated label for every preset purpose', () => {
    for (const p of PURPOSES) {
      expect(translate('nl', `purpose.${p}`)).not.toBe(translate('en', `purpose.${p}`));
    }
    expect(formatDisplayDate('2026-03-09')).toBe('09-03-2026');
  });
});

describe('dictionaries', () => {
  it('have exactly the same keys in Dutch and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const v of [...Object.values(en), ...Object.values(nl)]) expect(v.trim()).not.toBe('');
  });
  it('fill in parameters', () => {
    expect(translate('en', 'error.FILE_TOO_LARGE', { sizeMb: 70, limitMb: 60 })).toContain('70 MB');
  });
});
