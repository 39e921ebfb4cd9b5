/**
 * Burgerservicenummer: 9 digits (older ones written as 8 with the leading zero dropped),
 * valid when the "11-proef" holds: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11.
 */
export function normalizeBsn(text: string): string | null {
  const digits = text.replace(/[\s.-]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return null;
  return digits.padStart(9, '0');
}

export function isValidBsn(text: string): boolean {
  const bsn = normalizeBsn(text);
  if (bsn === null || /^0+$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}
