/**
 * Dutch passport / ID-card document number (since 2014): 9 characters, letters at positions
 * 1–2, letters or digits at 3–8, a digit at 9, and never the letter O (it would be read as 0).
 */
const NL_DOCUMENT_NUMBER = /^[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]$/;

export function isNlDocumentNumber(text: string): boolean {
  return NL_DOCUMENT_NUMBER.test(text.toUpperCase());
}
