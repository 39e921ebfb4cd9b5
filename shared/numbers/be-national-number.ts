/**
 * Belgian identifiers on the eID.
 * Rijksregisternummer YY.MM.DD-NNN.CC: CC = 97 − (first nine digits mod 97); for births from
 * 2000 on, the nine digits are prefixed with "2" before taking the modulus.
 * Card number ###-#######-##: the last two digits are the first ten mod 97 (97 when that is 0).
 */
function digitsOf(text: string): string {
  return text.replace(/[\s.-]/g, '');
}

export function isValidBeNationalNumber(text: string): boolean {
  const d = digitsOf(text);
  if (!/^\d{11}$/.test(d)) return false;
  const check = Number(d.slice(9));
  const base = d.slice(0, 9);
  return 97 - (Number(base) % 97) === check || 97 - (Number('2' + base) % 97) === check;
}

export function isValidBeCardNumber(text: string): boolean {
  const d = digitsOf(text);
  if (!/^\d{12}$/.test(d)) return false;
  const rest = Number(d.slice(0, 10)) % 97;
  return (rest === 0 ? 97 : rest) === Number(d.slice(10));
}
