import type { ApiError } from '../shared/ipc.ts';
import { translate, type MessageKey } from '../shared/i18n/translate.ts';
import { useStore } from './state/store.ts';

/** Translation bound to the current language (re-renders when it changes). */
export function useT() {
  const lang = useStore((s) => s.lang);
  return (key: MessageKey, params?: Record<string, string | number>) =>
    translate(lang, key, params);
}

export function errorText(lang: 'nl' | 'en', e: ApiError): string {
  return translate(lang, 'ui.error', { message: translate(lang, `error.${e.error}`, e.params) });
}
