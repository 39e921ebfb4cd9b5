/**
 * Characters OCR mixes up, one class per string; each class's first character is its digit. The
 * one table for matching printed text to a known value and for repairing an MRZ field.
 */
const CLASSES = ['0ODQ', '1IL|', '2Z', '5S', '8B', '6G', '7T'];

/** Each look-alike to its class's digit: both sides of a comparison are folded alike. */
const FOLD: Record<string, string> = Object.fromEntries(
  CLASSES.flatMap((cls) => [...cls].map((c) => [c, cls[0] as string])),
);

/** The other reading of a character: a digit's commonest look-alike letter, a letter's digit. */
export function lookalikeOf(c: string): string | undefined {
  const cls = CLASSES.find((k) => k.includes(c));
  if (!cls) return undefined;
  return c === cls[0] ? cls[1] : cls[0];
}

/**
 * The text as OCR evidence of a value: upper case, look-alikes folded to their digit, a bold J
 * read as a bracket taken for the J, and everything else but letters, digits, MRZ filler and `|`
 * (a look-alike of 1) left out: spaces, dots and dashes between groups, and the quotes and commas
 * OCR adds at a word's end.
 */
export function foldConfusables(text: string): string {
  const kept = text
    .toUpperCase()
    .replace(/[)\]]/g, 'J')
    .replace(/[^\p{L}\p{N}<|]/gu, '');
  return [...kept].map((c) => FOLD[c] ?? c).join('');
}

/** Levenshtein distance, capped: we only care about 0, 1 or "too far". */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? cap + 1;
}

/** True when OCR text plausibly shows `value`: equal after folding, or one edit away for long values. */
export function looksLike(ocrText: string, value: string): boolean {
  const a = foldConfusables(ocrText);
  const b = foldConfusables(value);
  if (b.length < 5) return a === b;
  if (a === b) return true;
  return b.length >= 8 && editDistance(a, b, 1) <= 1;
}
