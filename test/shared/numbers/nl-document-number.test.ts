import { describe, expect, it } from 'vitest';
import { isNlDocumentNumber } from '../../../shared/numbers/nl-document-number.ts';
import { foldConfusables, looksLike } from '../../../shared/numbers/ocr-confusion.ts';

describe('Dutch document number pattern', () => {
  it('accepts letters at 1-2, alphanumerics at 3-8, a digit at 9', () => {
    expect(isNlDocumentNumber('SPECI2014')).toBe(true);
    expect(isNlDocumentNumber('NX7K2P9R4')).toBe(true);
  });
  it('never contains the letter O and ends in a digit', () => {
    expect(isNlDocumentNumber('OX7K2P9R4')).toBe(false);
    expect(isNlDocumentNumber('NX7K2P9RA')).toBe(false);
    expect(isNlDocumentNumber('1X7K2P9R4')).toBe(false);
  });
});

describe('OCR confusion matching', () => {
  it('treats look-alike characters as equal', () => {
    expect(foldConfusables('SPEC1O2I4')).toBe(foldConfusables('SPECI0214'));
    expect(looksLike('L898902C3', 'L898902C3')).toBe(true);
    expect(looksLike('L8989O2C3', 'L898902C3')).toBe(true);
  });
  it('allows one edit for long values but not for unrelated strings', () => {
    expect(looksLike('L89890C3', 'L898902C3')).toBe(true);
    expect(looksLike('X12345678', 'L898902C3')).toBe(false);
  });
  it('ignores the quotes and commas OCR adds to a word: they are not an edit of the value', () => {
    // A small scan's "ZE000509" read with one digit wrong and a stray quote.
    expect(looksLike('ZE000505"', 'ZE000509')).toBe(true);
    expect(looksLike('‘L898902C3,', 'L898902C3')).toBe(true);
    expect(foldConfusables('<<|')).toBe('<<1');
    // A bold J read as a bracket, twice (the bundled sample's "FG2871JJ4").
    expect(looksLike('FG2871))4', 'FG2871JJ4')).toBe(true);
  });
});
