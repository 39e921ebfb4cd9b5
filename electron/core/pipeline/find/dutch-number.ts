import { isNlDocumentNumber } from '../../../../shared/numbers/nl-document-number.ts';

/** Letters OCR reads for a digit in a number's last place (the Dutch number ends in a digit). */
const DIGIT_LOOKALIKES: Record<string, string> = { S: '5', B: '8', Z: '2', G: '6' };

/**
 * A Dutch document number in `text`, as printed, or null. Dutch numbers never contain the letter
 * O, so an O read by OCR is a zero. A last character read as a letter like a digit ("LDDI21DKS"
 * for LDDI21DK8) is that digit when the number shows a digit of its own: a place name of nine
 * capitals would otherwise pass ("ZANDVOORT"). Under its label (`labelled`) it need not: one
 * number in seven has letters only before its last digit, and with that digit read as a letter
 * ("EJIUTMWAS" for EJIUTMWA8 on a clean scan) neither finder took it.
 */
export function dutchNumberIn(text: string, labelled = false): string | null {
  const upper = text.toUpperCase();
  const candidate = upper.replace(/O/g, '0');
  const mixed = (c: string) => /\d.*[A-Z]|[A-Z].*\d/.test(c.slice(2));
  if (candidate.length !== 9 || !(labelled || mixed(candidate))) return null;
  if (isNlDocumentNumber(candidate)) return candidate;
  const last = DIGIT_LOOKALIKES[candidate[8] ?? ''];
  const fixed = `${candidate.slice(0, 8)}${last ?? ''}`;
  const own = labelled || /\d/.test(upper.slice(2, 8));
  return last && own && isNlDocumentNumber(fixed) ? fixed : null;
}
