import type { MrzInfo } from '../mrz.ts';
import type { RegionKind } from '../regions.ts';

/** What a document should carry that must be hidden, decided from what its MRZ says it is. */
export interface Expectation {
  kind: RegionKind;
  /** Where people should look when it is missing: the back of an ID card, or anywhere. */
  onBack: boolean;
}

export function documentKind(
  mrz: MrzInfo,
): 'passport' | 'id_card' | 'residence_permit' | 'visa' | 'driving_licence' | 'other' {
  const code = mrz.documentCode.toUpperCase();
  if (mrz.format === 'DL1' || code.startsWith('D')) return 'driving_licence';
  if (code.startsWith('P')) return 'passport';
  if (code.startsWith('V')) return 'visa';
  if (code === 'IR' || code === 'AR' || code.startsWith('R')) return 'residence_permit';
  if (code.startsWith('I') || code.startsWith('A') || code.startsWith('C')) return 'id_card';
  return 'other';
}

/**
 * Dutch passports and ID cards carry the BSN (in the MRZ optional data and printed: on the data
 * page of passports, on the back of ID cards since 2021). Every ICAO document carries a photo
 * (TD3/TD2 on the same page as the MRZ) and a printed document number.
 */
export function expectedItems(mrz: MrzInfo, sidesGiven: number): Expectation[] {
  const kind = documentKind(mrz);
  // TD3/TD2 pages print photo and number beside the MRZ; a TD1 card prints them on the other side.
  const sameSide = mrz.format === 'TD3' || mrz.format === 'TD2' || kind === 'visa';
  const out: Expectation[] = [];
  if (sameSide || sidesGiven > 1)
    out.push({ kind: 'document_number', onBack: false }, { kind: 'photo', onBack: false });
  const dutch = mrz.issuingState === 'NLD' || mrz.issuingState === 'NL';
  if (dutch && (kind === 'passport' || kind === 'id_card' || kind === 'driving_licence')) {
    out.push({ kind: 'personal_number', onBack: kind !== 'passport' });
  }
  return out;
}
