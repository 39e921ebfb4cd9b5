import nl from './nl.json';
import en from './en.json';

// A flat dictionary and one substitution rule cover every string we show; an i18n framework
// would add plural/context machinery and async initialisation we do not need.
export type Lang = 'nl' | 'en';
export type MessageKey = keyof typeof nl;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { nl, en };

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

export function translate(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = dictionaries[lang][key] ?? dictionaries.nl[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
