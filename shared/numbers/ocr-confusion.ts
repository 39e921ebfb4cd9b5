/**
 * OCR mixes up look-alike characters. To match a known value (e.g. the document number read from
 * the MRZ) against visual-zone OCR text, both sides are folded to one representative per class.
 */
const FOLD: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  '|': '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
  T: '7',
};

export function foldConfusables(text: string): string {
  return [...text.toUpperCase().replace(/[\s.\-/]/g, '')].map((c) => FOLD[c] ?? c).join('');
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
