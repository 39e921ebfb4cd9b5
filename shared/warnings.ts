import { translate, type Lang, type MessageKey } from './i18n/translate.ts';
import type { Box, RegionKind } from './regions.ts';

/**
 * Something the person must look at before exporting. `spot` is where to look, in the side's
 * displayed-image pixels, when it is known. Parameters never hold personal data.
 */
export type Warning =
  | {
      code: 'missing';
      kind: RegionKind;
      side: number | null;
      spot: Box | null;
      /** Issuing state, when known: a Belgian personal number is not a BSN. */
      country: string | null;
    }
  | { code: 'missing_bsn_back' }
  | { code: 'no_document'; side: number }
  | { code: 'unidentified'; side: number }
  | { code: 'mrz_unreadable'; side: number; spot: Box }
  /** Not read, but blacked out where the identified document's layout prints it. */
  | { code: 'placed'; kind: RegionKind; side: number; spot: Box }
  | { code: 'selfcheck_found'; kind: RegionKind; side: number; spot: Box }
  | { code: 'selfcheck_failed'; kinds: RegionKind[] };

/** The warning's side, when it names one (for pointing at the spot). */
export function warningSide(w: Warning): number | null {
  return 'side' in w ? w.side : null;
}

export function warningSpot(w: Warning): Box | null {
  return 'spot' in w ? w.spot : null;
}

function missingKey(w: Extract<Warning, { code: 'missing' }>): MessageKey {
  if (w.kind === 'personal_number')
    return w.country === 'BEL' ? 'warning.missing.be_number' : 'warning.missing.bsn';
  if (
    w.kind === 'mrz' ||
    w.kind === 'photo' ||
    w.kind === 'ghost_photo' ||
    w.kind === 'document_number'
  )
    return `warning.missing.${w.kind}`;
  return 'warning.missing';
}

/** Where on the document, in words ("op de voorkant"), for a side index out of `sides`. */
function where(lang: Lang, side: number | null, sides: number): string {
  if (side === null || sides < 2) return translate(lang, 'warning.where.document');
  return translate(lang, side === 0 ? 'warning.where.front' : 'warning.where.back');
}

/** The warning in words, the same for the CLI and the app. */
export function warningText(lang: Lang, w: Warning, sides: number): string {
  switch (w.code) {
    case 'missing':
      return translate(lang, missingKey(w), {
        item: translate(lang, `kind.${w.kind}`),
        where: where(lang, w.side, sides),
      });
    case 'selfcheck_found':
    case 'placed':
      return translate(lang, `warning.${w.code}`, {
        item: translate(lang, `kind.${w.kind}`),
        where: where(lang, w.side, sides),
      });
    case 'selfcheck_failed':
      return translate(lang, 'warning.selfcheck_failed', {
        items: w.kinds.map((k) => translate(lang, `kind.${k}`)).join(', '),
      });
    case 'mrz_unreadable':
    case 'no_document':
    case 'unidentified':
      return translate(lang, `warning.${w.code}`, { where: where(lang, w.side, sides) });
    case 'missing_bsn_back':
      return translate(lang, 'warning.missing_bsn_back');
  }
}
