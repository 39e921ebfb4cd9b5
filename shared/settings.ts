import type { Lang } from './i18n/translate.ts';
import { type Static, StringEnum, Type } from './schema.ts';
import type { RegionKind } from './regions.ts';

/** The AVG (GDPR) rights a copy of an ID is typically sent for. */
export const PURPOSES = [
  'inzage',
  'rectificatie',
  'verwijdering',
  'beperking',
  'overdraagbaarheid',
  'bezwaar',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}

export const WatermarkSettingsSchema = Type.Object(
  {
    /** A preset right, or free text written by the person. */
    purpose: Type.String({ maxLength: 120 }),
    recipient: Type.String({ maxLength: 120 }),
    /** ISO date YYYY-MM-DD (that the day exists is checked beside the schema: isIsoDate). */
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    lang: StringEnum(['nl', 'en'] as const),
  },
  { additionalProperties: false },
);
export type WatermarkSettings = Static<typeof WatermarkSettingsSchema>;

export interface RedactSettings {
  /** Run automatic detection (otherwise only the given regions are burned). */
  detect: boolean;
  /** Region kinds the recipient needs readable (e.g. `mrz`); never applied to manual regions. */
  keep: RegionKind[];
  watermark: WatermarkSettings | null;
  lang: Lang;
}

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Today's date in the local calendar, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
