import { describe, expect, it } from 'vitest';
import { dutchNumberIn } from '../../../../../electron/core/pipeline/find/dutch-number.ts';

describe('a Dutch document number in OCR text', () => {
  it('reads an O as a zero and a last letter like a digit as that digit', () => {
    expect(dutchNumberIn('XA7DKOLU4')).toBe('XA7DK0LU4');
    expect(dutchNumberIn('LDDI21DKS')).toBe('LDDI21DK5');
  });

  it('takes no nine capitals, nor a number with no digit of its own, unless under its label', () => {
    expect(dutchNumberIn('ZANDVOORT')).toBeNull();
    expect(dutchNumberIn('EJIUTMWAS')).toBeNull();
    expect(dutchNumberIn('EJIUTMWAS', true)).toBe('EJIUTMWA5');
    expect(dutchNumberIn('XA7DK0LU')).toBeNull();
  });
});
