import { describe, expect, it } from 'vitest';
import { expectedItems, printsGhost } from '../../../shared/documents/expectations.ts';
import {
  identifyDocument,
  type DocumentIdentity,
  type SideEvidence,
} from '../../../shared/documents/identify.ts';
import type { MrzInfo } from '../../../shared/mrz.ts';

const mrz = (over: Partial<MrzInfo>): MrzInfo => ({
  format: 'TD3',
  documentCode: 'P',
  issuingState: 'NLD',
  documentNumber: 'XR0000014',
  personalNumbers: [],
  valid: true,
  ...over,
});
const side = (over: Partial<SideEvidence>): SideEvidence => ({
  mrz: null,
  face: false,
  text: '',
  aspect: null,
  ...over,
});
const kinds = (sides: SideEvidence[], pair = false) =>
  expectedItems(
    identifyDocument(sides),
    sides.map((s) => ({ face: s.face, mrz: !!s.mrz, pair, twoLineMrz: s.mrz?.format === 'TD2' })),
  ).map((e) => `${e.kind}@${e.side}${e.optional ? '?' : ''}`);

describe('identifying a document', () => {
  it('trusts a checked MRZ for family and state', () => {
    expect(identifyDocument([side({ mrz: mrz({}), face: true })])).toEqual({
      family: 'passport',
      country: 'NLD',
      by: 'mrz',
    });
  });

  it('prefers the printed country over the state of an MRZ that failed its checks', () => {
    const id = identifyDocument([
      side({ mrz: mrz({ issuingState: 'NLO', valid: false }), text: 'KONINKRIJK DER NEDERLANDEN' }),
    ]);
    expect(id.country).toBe('NLD');
    // With no words to go by, a look-alike of a known state is that state.
    expect(
      identifyDocument([side({ mrz: mrz({ issuingState: 'NLO', valid: false }) })]).country,
    ).toBe('NLD');
  });

  it("tells a card by a state's own MRZ format whose checks hold, or by its long title", () => {
    // The old French card: two lines of 36 the MRZ parser knows as French, not ICAO's.
    const french = mrz({ format: 'UNKNOWN', documentCode: 'ID', issuingState: 'FRA' });
    expect(identifyDocument([side({ mrz: french })])).toEqual({
      family: 'id_card',
      country: 'FRA',
      by: 'mrz',
    });
    // Unchecked, an unknown format tells nothing.
    expect(identifyDocument([side({ mrz: { ...french, valid: false } })]).family).toBe('unknown');
    expect(
      identifyDocument([side({ text: "CARTE NATIONALE D'IDENTITE N° 940992310285" })]).family,
    ).toBe('id_card');
  });

  it('reads the printed title when no MRZ was read', () => {
    expect(identifyDocument([side({ text: 'RIJBEWIJS  NL', face: true })]).family).toBe(
      'driving_licence',
    );
    // As OCR misreads it: the J as ')', the I as '1', the first J lost in a shadow's edge
    // (seed 19 nl-licence-front-97 and -83).
    for (const text of ['RIJBEWI)S', 'R1JBEWIJS', 'RIBEWI)S'])
      expect(identifyDocument([side({ text, face: true })]).family, text).toBe('driving_licence');
    expect(
      identifyDocument([side({ text: 'BELGIË BELGIQUE IDENTITEITSKAART', face: true })]),
    ).toEqual({ family: 'id_card', country: 'BEL', by: 'words' });
  });

  it('tells a Belgian card by a number printed the Belgian way whose check holds', () => {
    // Varied seed 97 be-id-front-84-phone: "BELGIË" in a shadow, read "SEA. EE STRANI BE".
    const country = (text: string) => identifyDocument([side({ text, face: true })]).country;
    expect(country('SEA. EE STRANI BE\n54.06.05-448.93')).toBe('BEL');
    expect(country('Kaartnr / Card No 592-2660960-40')).toBe('BEL');
    // Its check failed, or not printed the Belgian way, or only a date: no state told.
    expect(country('54.06.05-448.94')).toBeNull();
    expect(country('54060544893')).toBeNull();
    expect(country('05.06.1954')).toBeNull();
  });

  it('takes a title word read one letter off for the title, a short word never', () => {
    // Varied seed 33 nl-licence-front-56-scan: "RIJBEWIS" left the licence an identity card.
    const told = (text: string) => identifyDocument([side({ text, face: true })]).family;
    expect(told('RIJBEWIS')).toBe('driving_licence');
    expect(told('KONINKRIJK DER NEDERLANDEN PASPORT')).toBe('passport');
    expect(told('IDENTITEITSKAAT')).toBe('id_card');
    expect(told('Führerschein')).toBe('driving_licence');
    // Words one letter off a short title, or two off a long one, tell nothing.
    expect(told('BEWIJS VISUEL')).toBe('unknown');
    expect(told('RIJBEWAAS')).toBe('unknown');
  });

  it('takes a portrait on a page-shaped outline for a passport, never a photo frame', () => {
    expect(identifyDocument([side({ face: true, aspect: 125 / 88 })]).family).toBe('passport');
    expect(identifyDocument([side({ face: true, aspect: 85.6 / 54 })]).family).toBe('id_card');
    expect(identifyDocument([side({ face: true, aspect: 4 / 3 })]).family).toBe('unknown');
  });
});

describe('what each side should carry', () => {
  it('expects an MRZ at the bottom of a passport page even when none was found', () => {
    const items = expectedItems(identifyDocument([side({ face: true, aspect: 1.42 })]), [
      { face: true, mrz: false, pair: false, twoLineMrz: false },
    ]);
    const mrzItem = items.find((i) => i.kind === 'mrz');
    expect(mrzItem?.side).toBe(0);
    expect(mrzItem?.zone?.y).toBeGreaterThanOrEqual(0.6);
  });

  it('asks a Dutch passport for its BSN, a Canadian or German one never', () => {
    expect(kinds([side({ mrz: mrz({}), face: true })])).toContain('personal_number@0');
    expect(kinds([side({ mrz: mrz({ issuingState: 'CAN' }), face: true })])).not.toContain(
      'personal_number@0',
    );
    expect(kinds([side({ mrz: mrz({ issuingState: 'D' }), face: true })]).join()).not.toMatch(
      /personal_number/,
    );
  });

  it('does not ask the back of an ID card for a photo or the front number', () => {
    const back = side({ mrz: mrz({ format: 'TD1', documentCode: 'I' }) });
    expect(kinds([back])).toEqual(['mrz@0', 'personal_number@null']);
  });

  it('asks a card scanned front and back side by side for its portrait, though its MRZ was read', () => {
    // The Serbian specimen (702 × 220): the MRZ told a card's back, the portrait the face model
    // missed was asked of nobody.
    const both = side({ mrz: mrz({ format: 'TD1', documentCode: 'I', issuingState: 'SRB' }) });
    expect(kinds([both], true)).toEqual(['photo@0', 'document_number@0', 'mrz@0']);
    const items = expectedItems(identifyDocument([both]), [
      { face: false, mrz: true, pair: true, twoLineMrz: false },
    ]);
    // A zone on one card's outline would point at the other: no spot but the side.
    expect(items.every((i) => i.zone === null)).toBe(true);
  });

  it('asks a card whose two-line MRZ is printed beside its portrait for the portrait', () => {
    // The old French card (and a TD2 card): MRZ and portrait on one side. The face model missed
    // its portrait, and the MRZ alone made it a back: no warning.
    const front = side({ mrz: mrz({ format: 'TD2', documentCode: 'ID', issuingState: 'FRA' }) });
    expect(kinds([front])).toEqual(['photo@0', 'document_number@0', 'mrz@0']);
  });

  it('expects the MRZ on the back and the photo on the front of a two-sided ID card', () => {
    const front = side({ face: true, text: 'IDENTITEITSKAART NEDERLAND' });
    const back = side({});
    expect(kinds([front, back])).toEqual([
      'photo@0',
      'document_number@0',
      'ghost_photo@0',
      'mrz@1',
      'personal_number@null',
    ]);
  });

  it('asks a Dutch or Belgian passport page and card front for its ghost image, where it lies', () => {
    const page = expectedItems(identifyDocument([side({ mrz: mrz({}), face: true })]), [
      { face: true, mrz: true, pair: false, twoLineMrz: false },
    ]).find((i) => i.kind === 'ghost_photo');
    expect(page?.side).toBe(0);
    // On the right of the page, above the MRZ.
    expect(page!.zone!.x).toBeGreaterThanOrEqual(0.6);
    expect(page!.zone!.y + page!.zone!.height).toBeLessThanOrEqual(0.85);
    const beFront = side({ face: true, text: 'BELGIË BELGIQUE IDENTITEITSKAART' });
    expect(kinds([beFront])).toContain('ghost_photo@0');
    // A card's back carries none; nor is one asked of states whose models may not print it.
    expect(kinds([side({ mrz: mrz({ format: 'TD1', documentCode: 'I' }) })])).not.toContain(
      'ghost_photo@0',
    );
    expect(kinds([side({ mrz: mrz({ issuingState: 'CAN' }), face: true })])).not.toContain(
      'ghost_photo@0',
    );
    expect(kinds([side({ text: 'RIJBEWIJS  NL', face: true })])).not.toContain('ghost_photo@0');
  });

  it('asks a Dutch licence whose portrait was not seen for its second image, at the lower right', () => {
    const unseen = expectedItems(
      identifyDocument([side({ text: 'RIJBEWIJS KONINKRIJK DER NEDERLANDEN' })]),
      [{ face: false, mrz: false, pair: false, twoLineMrz: false }],
    ).find((i) => i.kind === 'ghost_photo');
    expect(unseen?.side).toBe(0);
    // The generator's second portrait, 68–80 mm across and 33–48 mm down the 85.6 × 54 mm card.
    expect(unseen!.zone!.x).toBeLessThanOrEqual(68 / 85.6);
    expect(unseen!.zone!.x).toBeGreaterThan(0.6);
    expect(unseen!.zone!.y).toBeLessThanOrEqual(33 / 54);
    expect(unseen!.zone!.y + unseen!.zone!.height).toBeGreaterThanOrEqual(48 / 54);
    // With the portrait seen (a copy of it was looked for), or its state unread, it is only
    // looked for there: not every model prints one. Another state's licence prints none.
    const dutch = 'RIJBEWIJS KONINKRIJK DER NEDERLANDEN';
    expect(kinds([side({ text: dutch, face: true })])).toContain('ghost_photo@0?');
    expect(kinds([side({ text: 'RIJBEWIJS' })])).toContain('ghost_photo@0?');
    const belgian = kinds([side({ text: 'RIJBEWIJS PERMIS DE CONDUIRE BELGIË', face: true })]);
    expect(belgian.filter((k) => k.startsWith('ghost_photo'))).toEqual([]);
  });

  it("points at a passport's number field and a licence's fields 5 and 4d (its BSN), where they are printed", () => {
    const zoneOf = (s: SideEvidence, kind: string, mrzSeen = false) =>
      expectedItems(identifyDocument([s]), [
        { face: true, mrz: mrzSeen, pair: false, twoLineMrz: false },
      ]).find((i) => i.kind === kind)?.zone;
    // ICAO's recommended number field: 68–123 mm across, 6–16 mm down a 125 × 88 mm page.
    const page = zoneOf(
      side({ mrz: mrz({ issuingState: 'CAN' }), face: true }),
      'document_number',
      true,
    );
    expect(page!.x).toBeLessThanOrEqual(68 / 125);
    expect(page!.x + page!.width).toBeGreaterThanOrEqual(123 / 125);
    expect(page!.y).toBeLessThanOrEqual(6 / 88);
    expect(page!.y + page!.height).toBeGreaterThanOrEqual(16 / 88);
    // Above the surname (from 16 mm down on the Dutch page's 18 mm).
    expect(page!.y + page!.height).toBeLessThanOrEqual(18.5 / 88);
    // The licence's field 5: from 30 mm across, 36–39 mm down the 85.6 × 54 mm card, under 4d.
    const licence = zoneOf(side({ text: 'RIJBEWIJS', face: true }), 'document_number');
    expect(licence!.x).toBeLessThanOrEqual(30 / 85.6);
    expect(licence!.x).toBeGreaterThan(27 / 85.6);
    expect(licence!.y).toBeLessThanOrEqual(36 / 54);
    // Below where 4d's line starts (32 mm down).
    expect(licence!.y).toBeGreaterThan(32 / 54);
    expect(licence!.y + licence!.height).toBeGreaterThanOrEqual(39 / 54);
    // A Dutch licence's BSN, field 4d: its line 32–34.5 mm down, under 4b (to 30 mm), on the front.
    const dutch = side({ text: 'RIJBEWIJS\nKONINKRIJK DER NEDERLANDEN', face: true });
    const bsn = zoneOf(dutch, 'personal_number');
    expect(bsn!.x).toBeLessThanOrEqual(30 / 85.6);
    expect(bsn!.y).toBeLessThanOrEqual(32 / 54);
    expect(bsn!.y).toBeGreaterThan(30 / 54);
    expect(bsn!.y + bsn!.height).toBeGreaterThanOrEqual(34.5 / 54);
    // A Dutch identity card's number: its value 10–12.5 mm down, from 31 mm across, under the
    // title and above the surname (14 mm down).
    const card = zoneOf(
      side({ text: 'NEDERLANDSE IDENTITEITSKAART', face: true }),
      'document_number',
    );
    expect(card!.x).toBeLessThanOrEqual(31 / 85.6);
    expect(card!.x).toBeGreaterThan(28 / 85.6);
    expect(card!.y).toBeLessThanOrEqual(10 / 54);
    expect(card!.y + card!.height).toBeGreaterThanOrEqual(12.5 / 54);
    expect(card!.y + card!.height).toBeLessThanOrEqual(14.5 / 54);
    // A Dutch residence permit is printed otherwise: no spot is guessed for its number.
    const permit = expectedItems({ family: 'residence_permit', country: 'NLD', by: 'mrz' }, [
      { face: true, mrz: false, pair: false, twoLineMrz: false },
    ]).find((i) => i.kind === 'document_number');
    expect(permit?.zone).toBeNull();
    // A visa's number has no one place.
    const visa = mrz({ format: 'TD2', documentCode: 'V', issuingState: 'CAN' });
    expect(zoneOf(side({ mrz: visa }), 'document_number', true)).toBeNull();
  });

  it('points at where the portrait is printed: the left of a data page or card front', () => {
    const zoneOf = (
      s: ReturnType<typeof side>,
      facts = [{ face: false, mrz: false, pair: false, twoLineMrz: false }],
    ) => expectedItems(identifyDocument([s]), facts).find((i) => i.kind === 'photo')?.zone;
    const page = zoneOf(side({ mrz: mrz({}) }), [
      { face: false, mrz: true, pair: false, twoLineMrz: false },
    ]);
    // ICAO's zone V: 3–40 mm across, 23–68 mm down a 125 × 88 mm page.
    expect(page!.x).toBeLessThanOrEqual(3 / 125);
    expect(page!.x + page!.width).toBeGreaterThanOrEqual(40 / 125);
    expect(page!.y).toBeLessThanOrEqual(23 / 88);
    expect(page!.y + page!.height).toBeGreaterThanOrEqual(68 / 88);
    for (const text of ['RIJBEWIJS', 'NEDERLANDSE IDENTITEITSKAART']) {
      const card = zoneOf(side({ text }));
      // The generator's and the EU licence's portrait, 3–27 mm across and 13–44 mm down.
      expect(card!.x, text).toBeLessThanOrEqual(3 / 85.6);
      expect(card!.x + card!.width, text).toBeGreaterThanOrEqual(27 / 85.6);
      expect(card!.x + card!.width, text).toBeLessThan(0.4);
      expect(card!.y + card!.height, text).toBeGreaterThanOrEqual(44 / 54);
    }
  });

  it('expects a number beside any portrait, even on a document it does not know', () => {
    expect(kinds([side({ face: true })])).toEqual(['document_number@0']);
    expect(kinds([side({})])).toEqual([]);
  });
});

describe('which documents print a ghost image', () => {
  const told = (family: DocumentIdentity['family'], country: string | null): DocumentIdentity => ({
    family,
    country,
    by: 'words',
  });
  it('is the Dutch and Belgian passport and identity card', () => {
    expect(printsGhost(told('passport', 'NLD'))).toBe(true);
    expect(printsGhost(told('id_card', 'BEL'))).toBe(true);
  });
  it('is not their driving licence, nor another state’s card, nor a card of no known state', () => {
    expect(printsGhost(told('driving_licence', 'NLD'))).toBe(false);
    expect(printsGhost(told('id_card', 'DEU'))).toBe(false);
    expect(printsGhost(told('id_card', null))).toBe(false);
    expect(printsGhost(told('unknown', 'BEL'))).toBe(false);
  });
});
