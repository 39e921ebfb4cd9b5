import type { MrzInfo } from '../mrz.ts';
import { isValidBeCardNumber, isValidBeNationalNumber } from '../numbers/be-national-number.ts';
import { editDistance, foldConfusables } from '../numbers/ocr-confusion.ts';

export type DocumentFamily =
  'passport' | 'id_card' | 'residence_permit' | 'visa' | 'driving_licence' | 'other';

/** What detection saw on one side, reduced to what tells the document apart. */
export interface SideEvidence {
  /** The MRZ read on this side, if any. */
  mrz: MrzInfo | null;
  /** A portrait was found on this side. */
  face: boolean;
  /** All page text read on this side. */
  text: string;
  /** Long over short edge of the document's outline, when the outline is known. */
  aspect: number | null;
}

export interface DocumentIdentity {
  family: DocumentFamily | 'unknown';
  /** ISO 3166 alpha-3 of the issuing state, when known (NLD, BEL, …). */
  country: string | null;
  /** How it was told: a checked MRZ, printed words, or only the shape with a portrait. */
  by: 'mrz' | 'words' | 'shape' | 'none';
}

export function documentKind(mrz: MrzInfo): DocumentFamily {
  const code = mrz.documentCode.toUpperCase();
  if (mrz.format === 'DL1' || code.startsWith('D')) return 'driving_licence';
  if (code.startsWith('P')) return 'passport';
  if (code.startsWith('V')) return 'visa';
  if (code === 'IR' || code === 'AR' || code.startsWith('R')) return 'residence_permit';
  if (code.startsWith('I') || code.startsWith('A') || code.startsWith('C')) return 'id_card';
  return 'other';
}

// Titles printed on the documents, in the languages of the states whose documents people here
// send most. Order matters: a residence card also says "card", a licence may say "identity".
const TITLES: [DocumentFamily, RegExp][] = [
  ['driving_licence', /RIJ?BEWIJS|DRIVING\s*LICEN[CS]E|PERMIS\s*DE\s*CONDUIRE|F[UÜ]HRERSCHEIN/],
  [
    'residence_permit',
    /VERBLIJFS(DOCUMENT|VERGUNNING)|RESIDENCE\s*(PERMIT|CARD)|TITRE\s*DE\s*S[EÉ]JOUR|AUFENTHALTS/,
  ],
  ['passport', /PAS{1,2}POORT|PAS{1,2}PORT|PASSEPORT|REISEPASS|PASAPORTE|PASSAPORTO/],
  [
    'id_card',
    /IDENTITEITSKAART|IDENTITY\s*CARD|CARTE\s*(NATIONALE\s*)?D.?IDENTIT|PERSONALAUSWEIS|IDENTIT[AÄ]TSKARTE|DOCUMENTO\s*DE\s*IDENTIDAD|CARTA\s*D.?IDENTIT/,
  ],
  ['visa', /\bVISUM\b|\bVISA\b/],
];

const COUNTRIES: [string, RegExp][] = [
  ['NLD', /NEDERLAND|NETHERLANDS|PAYS-?BAS|NIEDERLANDE/],
  ['BEL', /BELGI[EËQU]|BELGIUM|BELGIEN/],
];

/**
 * A Belgian national register number (YY.MM.DD-NNN.CC) or card number (NNN-NNNNNNN-NN) as the
 * eID prints them. One in this format whose check holds tells a Belgian card whose state's name
 * went unread: "BELGIË" in a shadow, read "SEA. EE STRANI BE", left a card of no known state,
 * whose ghost image and national number were not asked for (a miss of either went unwarned).
 */
const BELGIAN_NUMBER = /\b\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}\b|\b\d{3}-\d{7}-\d{2}\b/g;

/** The state a checked number printed its way tells, if any. */
function numbersCountry(text: string): string | null {
  const belgian = [...text.matchAll(BELGIAN_NUMBER)].some(
    ([n]) => isValidBeNationalNumber(n) || isValidBeCardNumber(n),
  );
  return belgian ? 'BEL' : null;
}

/**
 * ICAO 9303 outlines: TD3 passport page 125 × 88 mm (1.42), TD2 105 × 74 (1.42), ID-1 card
 * 85.6 × 54 (1.59), with some slack for a margin around the outline. Photo frames (4:3, 3:2,
 * 16:9) fall outside both, so a phone photo's own frame is never taken for a document.
 */
export function shapeOf(aspect: number | null): 'page' | 'card' | null {
  if (aspect === null) return null;
  if (aspect >= 1.36 && aspect <= 1.47) return 'page';
  if (aspect >= 1.51 && aspect <= 1.66) return 'card';
  return null;
}

/**
 * An outline at least this many times as long as it is wide holds two sides: a card's front and
 * back scanned side by side (two cards and a gap, about 3.2). One side is at most 1.66 (with
 * slack), a phone photo's frame up to 16:9 (1.78).
 */
export const TWO_SIDES_ASPECT = 1.8;

/** Whether a `width` × `height` outline holds two sides side by side. */
export function holdsTwoSides(width: number, height: number): boolean {
  return Math.max(width, height) >= TWO_SIDES_ASPECT * Math.min(width, height);
}

/** Text as OCR misreads titles: a J as ')' or ']' ("RIJBEWI)S"), an I as '|', '!' or '1'. */
function asTitles(text: string): string {
  return text.toUpperCase().replace(/[)\]]/g, 'J').replace(/[|!1]/g, 'I');
}

/**
 * Titles of one word, long enough that a word one letter off is still the title and no other
 * word: OCR drops or swaps a letter of a title in a shadow or a coloured print ("RIJBEWIS" left a
 * licence taken for an identity card, its portrait unplaced and not blacked out).
 */
const TITLE_WORDS: [DocumentFamily, string[]][] = [
  ['driving_licence', ['RIJBEWIJS', 'FUHRERSCHEIN']],
  ['residence_permit', ['VERBLIJFSDOCUMENT', 'VERBLIJFSVERGUNNING']],
  ['passport', ['PASPOORT', 'PASSPORT', 'PASSEPORT', 'REISEPASS', 'PASAPORTE', 'PASSAPORTO']],
  ['id_card', ['IDENTITEITSKAART', 'PERSONALAUSWEIS', 'IDENTITATSKARTE']],
];

/**
 * The family whose title `titles` (text as `asTitles` gives it) carries, as printed, else in one
 * word one letter off; if any.
 */
function titleFamily(titles: string, only?: DocumentFamily): DocumentFamily | undefined {
  const printed = TITLES.find(([f, re]) => (!only || f === only) && re.test(titles));
  if (printed) return printed[0];
  const words = titles
    .normalize('NFD')
    .replace(/[^A-Z\s]/g, '')
    .split(/\s+/)
    .filter((w) => w.length >= 7);
  return TITLE_WORDS.find(
    ([f, titleWords]) =>
      (!only || f === only) &&
      words.some((w) => titleWords.some((t) => editDistance(w, t, 1) <= 1)),
  )?.[0];
}

/** Whether `text` (one line read) carries the title of any document we know. */
export function readsAnyTitle(text: string): boolean {
  return titleFamily(asTitles(text)) !== undefined;
}

/** Whether `text` (one line read) carries the title of a document of `family`. */
export function readsAsTitle(text: string, family: DocumentFamily): boolean {
  return titleFamily(asTitles(text), family) === family;
}

/**
 * Tells what the document is from everything seen on its sides: a checked MRZ first; else the
 * title printed on it; else the outline's shape with a portrait on it (a face on a page-shaped
 * outline is a passport data page, on a card-shaped one an identity card).
 */
export function identifyDocument(sides: readonly SideEvidence[]): DocumentIdentity {
  const text = sides.map((s) => asTitles(s.text)).join('\n');
  const country =
    COUNTRIES.find(([, re]) => re.test(text))?.[0] ??
    numbersCountry(sides.map((s) => s.text).join('\n'));
  // A format of a state's own whose checks hold (the old French card's two lines of 36) tells
  // the document as well as ICAO's do.
  const mrz = sides.find((s) => s.mrz && (s.mrz.format !== 'UNKNOWN' || s.mrz.valid))?.mrz;
  if (mrz) {
    // An MRZ that failed its check digits may hold a misread state ("NLO"): printed words win,
    // and a look-alike of a state we know is taken for it.
    const state = mrz.issuingState.replace(/</g, '');
    const lookalike = COUNTRIES.find(([code]) => foldConfusables(code) === foldConfusables(state));
    const trusted = mrz.valid ? state : (country ?? lookalike?.[0] ?? state);
    return { family: documentKind(mrz), country: trusted.length === 3 ? trusted : null, by: 'mrz' };
  }
  const titled = titleFamily(text);
  if (titled) return { family: titled, country, by: 'words' };
  const shape = sides.filter((s) => s.face).map((s) => shapeOf(s.aspect))[0];
  if (shape) return { family: shape === 'page' ? 'passport' : 'id_card', country, by: 'shape' };
  return { family: 'unknown', country, by: 'none' };
}
