import { describe, expect, it } from 'vitest';
import { isValidBsn, normalizeBsn } from '../../../shared/numbers/bsn.ts';

describe('BSN 11-proef', () => {
  it('accepts known valid numbers, with or without dots and spaces', () => {
    for (const bsn of ['111222333', '123456782', '999999990', '1112.22.333', '1234 56 782']) {
      expect(isValidBsn(bsn), bsn).toBe(true);
    }
  });
  it('accepts an 8-digit BSN whose leading zero was dropped', () => {
    expect(normalizeBsn('12345672')).toBe('012345672');
    expect(isValidBsn('12345672')).toBe(isValidBsn('012345672'));
  });
  it('rejects a number with one digit changed', () => {
    expect(isValidBsn('123456783')).toBe(false);
    expect(isValidBsn('111222334')).toBe(false);
  });
  it('rejects wrong lengths, letters and all zeros', () => {
    for (const bad of ['', '1234567', '1234567890', '12345678a', '000000000'])
      expect(isValidBsn(bad), bad).toBe(false);
  });
});
