import type { MessageKey } from './i18n/translate.ts';
import type { RegionKind } from './regions.ts';

/** Something the person must look at before exporting. Parameters never hold personal data. */
export type Warning =
  | { code: 'missing'; kind: RegionKind; side: number | null }
  | { code: 'missing_bsn_back' }
  | { code: 'no_document'; side: number }
  | { code: 'mrz_unreadable'; side: number }
  | { code: 'selfcheck_failed'; kinds: RegionKind[] };

export function warningKey(w: Warning): MessageKey {
  return `warning.${w.code}`;
}
