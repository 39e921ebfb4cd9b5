import { describe, expect, it } from 'vitest';
import {
  isValidBeCardNumber,
  isValidBeNationalNumber,
} from '../../../shared/numbers/be-national-number.ts';

describe('Belgian national register number (mod 97)', () => {
  it('accepts a birth before 2000', () => {
    // 850730-033: 97 - (850730033 mod 97) = 28
    expect(isValidBeNationalNumber('85.07.30-033.28')).toBe(true);
  });
  it('accepts a birth from 2000 on via the "2" prefix rule', () => {
    // 97 - (2010101123 mod 97) = 1
    expect(isValidBeNationalNumber('01.01.01-123.01')).toBe(true);
  });
  it('rejects a wrong check number', () => {
    expect(isValidBeNationalNumber('85.07.30-033.29')).toBe(false);
    expect(isValidBeNationalNumber('85.07.30-033')).toBe(false);
  });
  it('checks the card number ###-#######-##', () => {
    // 5912345678 mod 97 = 5912345678 - 97*60952017 = 5912345678 - 5912345649 = 29
    expect(isValidBeCardNumber('591-2345678-29')).toBe(true);
    expect(isValidBeCardNumber('591-2345678-30')).toBe(false);
  });
});
