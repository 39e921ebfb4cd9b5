import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../../../../electron/core/pipeline/find/numbers.ts';
import { line } from '../../../../helpers/ocr-lines.ts';

const none = { documentNumbers: [], personalNumbers: [] };

describe('number finder', () => {
  it('finds the document number by its MRZ value, despite OCR look-alikes', () => {
    const found = findNumbers([line(10, 'Passport', 'No.'), line(30, 'L8989O2C3')], {
      documentNumbers: ['L898902C3'],
      personalNumbers: [],
    });
    expect(found.map((f) => [f.kind, f.via])).toContainEqual(['document_number', 'mrz-value']);
  });

  it('finds a Belgian national number read only as far as its birth date', () => {
    const found = findNumbers([line(10, '20.09.2000'), line(40, '00.09.2')], none);
    expect(found.map((f) => [f.kind, f.via])).toEqual([['personal_number', 'birth-date']]);
  });

  it("finds a document number's second print that OCR garbled twice", () => {
    // A red serial "UVGTZE830" read "UVOTZES830": G as O and an S slipped in.
    const known = { documentNumbers: ['UVGTZE830'], personalNumbers: [] };
    const found = findNumbers([line(10, 'UTOPIA'), line(30, 'UVOTZES830')], known);
    expect(found).toContainEqual(
      expect.objectContaining({ kind: 'document_number', via: 'mrz-value', secret: 'UVGTZE830' }),
    );
  });

  it('takes no word three edits away, nor an all-digit value two edits away', () => {
    const three = findNumbers([line(30, 'UVOTZES83A')], {
      documentNumbers: ['UVGTZE830'],
      personalNumbers: [],
    });
    expect(three).toEqual([]);
    // A date two edits from an all-digit number stays: dates are what such a rule would take.
    const date = findNumbers([line(30, '26081959')], {
      documentNumbers: ['26181950'],
      personalNumbers: [],
    });
    expect(date).toEqual([]);
  });

  it('never matches a value too short to mean anything against the page', () => {
    // A misread MRZ can give a "personal number" of one digit: it must not black out every 5.
    const found = findNumbers([line(10, 'Geboren', '5', 'MEI'), line(30, 'S', '25')], {
      documentNumbers: [],
      personalNumbers: ['5', '             5', 'S5<<<<<<'],
    });
    expect(found).toEqual([]);
  });

  it('finds a BSN written with dots or spaces by the 11-proef', () => {
    for (const words of [['1234.56.782'], ['1234', '56', '782'], ['123456782']]) {
      const found = findNumbers(
        [line(10, 'Persoonsnummer', '/', 'Personal', 'no.'), line(30, ...words)],
        none,
      );
      const bsn = found.find((f) => f.kind === 'personal_number');
      expect(bsn, words.join(' ')).toBeDefined();
      expect(bsn?.box.y).toBe(30);
    }
  });

  it('does not take a date or a wrong checksum for a BSN', () => {
    const found = findNumbers(
      [line(10, 'Geboortedatum'), line(30, '12.08.1983'), line(50, 'Nummer', '123456783')],
      none,
    );
    expect(found.filter((f) => f.kind === 'personal_number')).toEqual([]);
  });

  it('takes no date garbled after its day and month for a BSN, though its digits pass', () => {
    // "04.02.2017" reread "04.0252000": 040252000 passes the 11-proef.
    expect(findNumbers([line(10, '4a.'), line(30, '04.0252000')], none)).toEqual([]);
    // The same digits printed as a BSN is.
    expect(findNumbers([line(30, '0402.52.000')], none)).toContainEqual(
      expect.objectContaining({ kind: 'personal_number', via: '11-proef' }),
    );
  });

  it('finds a value under its label even when it fails the checksum', () => {
    const found = findNumbers([line(10, 'BSN'), line(30, '987654321')], none);
    expect(found).toContainEqual(
      expect.objectContaining({ kind: 'personal_number', via: 'label' }),
    );
  });

  it('finds Belgian national and card numbers by mod 97', () => {
    const found = findNumbers(
      [line(10, 'Rijksregisternr.', '85.07.30-033.28'), line(30, 'Kaart', '591-2345678-29')],
      none,
    );
    expect(found.map((f) => f.kind).sort()).toEqual(['document_number', 'personal_number']);
  });

  it('finds a Belgian national number read as five pieces, past a prefix the MRZ gave', () => {
    // "95.07.21-934.92" read at every separator; a misread MRZ gave only its first seven digits.
    const read = line(30, 'Nr', '95.', '07.', '21-', '934.', '92');
    const found = findNumbers([read], { documentNumbers: [], personalNumbers: ['9507219'] });
    const last = read.words.at(-1)!.box;
    expect(found).toContainEqual(
      expect.objectContaining({ kind: 'personal_number', via: 'mod-97', secret: '95072193492' }),
    );
    const whole = found.find((f) => f.via === 'mod-97')!;
    expect(whole.box.x + whole.box.width).toBeGreaterThanOrEqual(last.x + last.width);
  });

  it('finds a Belgian national number with a dot read as a colon or a comma', () => {
    // A card front in a shadow (varied seed 73, be-id-front-41-phone): no label beside it.
    for (const read of ['93.02.19-037:02', '93,02.19-037.02']) {
      expect(findNumbers([line(30, read)], none)).toContainEqual(
        expect.objectContaining({ kind: 'personal_number', via: 'mod-97', secret: '93021903702' }),
      );
    }
    // Digits that fail the check stay what they are (a time, a count).
    expect(findNumbers([line(30, '93.02.19-037:03')], none)).toEqual([]);
  });

  it('finds a number printed as a Belgian national number whose check a misread digit broke', () => {
    // Varied seed 109 be-id-front-47-phone: "98.09.19-141.52" read "08.09.19-141.52" (at 46).
    expect(findNumbers([line(30, '08.09.19-141.52')], none)).toEqual([
      expect.objectContaining({ kind: 'personal_number', via: 'be-pattern' }),
    ]);
    // A checked one keeps its check; other numbers and dates printed otherwise are not taken.
    expect(findNumbers([line(30, '98.09.19-141.52')], none).map((f) => f.via)).toEqual(['mod-97']);
    for (const other of ['08.09.1998', '08.09.19141.52', '593-9491086-85'])
      expect(findNumbers([line(30, other)], none)).toEqual([]);
  });

  it('finds a Belgian card number whose dashes OCR read as dots or spaces', () => {
    const found = findNumbers([line(30, 'Kaart', '591.', '2345', '678-', '29')], none);
    expect(found).toContainEqual(
      expect.objectContaining({ kind: 'document_number', via: 'mod-97', secret: '591234567829' }),
    );
    // Twelve digits that fail the check are not a card number.
    expect(findNumbers([line(30, '591.', '2345', '678-', '28')], none)).toEqual([]);
  });

  it('finds the BSN before the licence number on a driving licence', () => {
    const found = findNumbers([line(10, '4d.', '123456782/5123456789')], none);
    expect(found).toContainEqual(
      expect.objectContaining({ kind: 'personal_number', via: 'driving-licence' }),
    );
  });

  it('finds a Dutch document number by its pattern, reading the letter O as a zero', () => {
    expect(findNumbers([line(10, 'NX7K2P9R4')], none)).toContainEqual(
      expect.objectContaining({ kind: 'document_number', via: 'nl-pattern' }),
    );
    expect(findNumbers([line(10, 'NX7K2POR4')], none)).toContainEqual(
      expect.objectContaining({ secret: 'NX7K2P0R4' }),
    );
    expect(findNumbers([line(10, 'NOTAVALID')], none)).toEqual([]);
  });

  it('finds a Dutch document number whose last digit OCR read as a letter', () => {
    expect(findNumbers([line(10, 'LDDI21DKS')], none)).toContainEqual(
      expect.objectContaining({ kind: 'document_number', via: 'nl-pattern', secret: 'LDDI21DK5' }),
    );
    // Nine capitals with no digit of their own are a word (a place of birth), not a number.
    expect(findNumbers([line(10, 'ZANDVOORT')], none)).toEqual([]);
  });

  it('finds one with no digit but its last, read as a letter, under its label', () => {
    // Varied seed 71 nl-id-front-80-scan, a clean scan: EJIUTMWA8 read "EJIUTMWAS".
    const label = line(10, 'DOCUMENTNUMMER', '/', 'DOCUMENT', 'NO.');
    expect(findNumbers([label, line(30, 'EJIUTMWAS')], none)).toContainEqual(
      expect.objectContaining({ kind: 'document_number', via: 'label', secret: 'EJIUTMWAS' }),
    );
    // Not without its label, and not a name under it.
    expect(findNumbers([line(30, 'EJIUTMWAS')], none)).toEqual([]);
    expect(findNumbers([label, line(30, 'JANSSENS')], none)).toEqual([]);
  });

  it('finds it under a label read as one garbled word, not in the rest of that word', () => {
    // Varied seed 95 nl-id-front-13-phone, in a shadow: VBLZYGWD5 read "VBLZYGWES" under
    // "DocumentnuiiSEARSEHRSREN0", whose rest (a digit in it) was taken for the value instead.
    const label = line(10, 'DocumentnuiiSEARSEHRSREN0');
    const value = line(30, 'VBLZYGWES');
    const found = findNumbers([label, value], none);
    expect(found).toEqual([
      expect.objectContaining({ kind: 'document_number', via: 'label', box: value.box }),
    ]);
  });

  it('finds a value read glued to its label in what follows the label', () => {
    const glued = line(10, 'Documentnummer:XA7DK0LU4');
    expect(findNumbers([glued, line(30, 'BAKKER')], none)).toContainEqual(
      expect.objectContaining({ kind: 'document_number', via: 'label', secret: 'XA7DK0LU4' }),
    );
  });

  it('finds a serial in the shape of a document number, printed alone without a label', () => {
    // A visa foil's number in its corner, one with the zeros read as the letter O.
    for (const [text, value] of [
      ['D09174053', 'D09174053'],
      ['FOO000000', 'F00000000'],
    ] as const)
      expect(findNumbers([line(10, '2', text)], none)).toContainEqual(
        expect.objectContaining({ kind: 'document_number', via: 'serial', secret: value }),
      );
    // Not a postcode and a street number, a height, a longer or shorter run.
    for (const text of ['81739', 'D0917405', 'D091740533', '160CM', 'DEUTSCH']) {
      expect(findNumbers([line(10, text)], none).filter((f) => f.via === 'serial')).toEqual([]);
    }
  });

  it('leaves names and dates alone', () => {
    expect(
      findNumbers(
        [line(10, 'VOORBEELD'), line(30, 'Sanne', 'Maria'), line(50, '20', 'MAA/MAR', '1958')],
        none,
      ),
    ).toEqual([]);
  });
});

describe('numbers beside a field number or a label', () => {
  it('takes no field number and date for a BSN, however the digits add up', () => {
    // "3. 06.01.1980" is 306011980, which passes the 11-proef: a date of birth on a licence.
    const found = findNumbers([line(10, '3.', '06.01.1980', 'Utrecht')], none);
    expect(found).toEqual([]);
  });

  it('covers a value read from the MRZ on its own, not together with its label', () => {
    const found = findNumbers([line(10, '4d.', '907886632')], {
      documentNumbers: [],
      personalNumbers: ['907886632'],
    });
    const byValue = found.filter((f) => f.via === 'mrz-value');
    expect(byValue).toHaveLength(1);
    expect(byValue[0]?.box.x).toBe(48); // the word after "4d.", not the span from x = 10
  });
});

describe('a value read short', () => {
  it('is covered past the end it lost, when what was read is an unbroken part of it', () => {
    // 532396923 read as "323.96.923" (8 of its 9 digits, 100 px wide: 12.5 px per digit read):
    // the lost "5" stood before it; a character and a half's pitch more on that side.
    const found = findNumbers([line(10, '323.96.923')], {
      documentNumbers: [],
      personalNumbers: ['532396923'],
    });
    const byValue = found.find((f) => f.via === 'mrz-value');
    expect(byValue?.box).toMatchObject({ x: 10 - 18.75, width: 100 + 18.75 });
  });

  it('is covered past both ends when the text cannot tell where it lost a character', () => {
    // "5323.99.23": its "6" lost inside, 8 digits read.
    const found = findNumbers([line(10, '5323.99.23')], {
      documentNumbers: [],
      personalNumbers: ['532396923'],
    });
    const byValue = found.find((f) => f.via === 'mrz-value');
    expect(byValue?.box).toMatchObject({ x: 10 - 18.75, width: 100 + 37.5 });
  });

  it("is covered to the MRZ value's full length when read short under its label", () => {
    // "UW9KGN" of CUW9KGNI6 (60 px: 10 px a character): "C" stood before it, "I6" after. (Read
    // from its first or last character, two thirds of it is found by its value alone.)
    const found = findNumbers(
      [line(10, 'Documentnummer', '/', 'Document', 'no.'), line(30, 'UW9KGN')],
      {
        documentNumbers: ['CUW9KGNI6'],
        personalNumbers: [],
      },
    );
    const byLabel = found.find((f) => f.via === 'label');
    expect(byLabel).toMatchObject({
      secret: 'CUW9KGNI6',
      box: { x: 10 - 15, width: 15 + 60 + 25 },
    });
  });

  it('is covered to its end when its first part was read as a word of its own', () => {
    // A passport's "IPFNQ4N38" printed over its label: read "IPFNQ4" (60 px), and "N38" on a
    // line of its own; three characters and a half's pitch more after it.
    const known = { documentNumbers: ['IPFNQ4N38'], personalNumbers: [] };
    const found = findNumbers([line(30, 'IPFNQ4'), line(33, 'N38')], known);
    const byValue = found.find((f) => f.via === 'mrz-value');
    expect(byValue).toMatchObject({ secret: 'IPFNQ4N38', box: { x: 10, width: 60 + 35 } });
    // Its last part alike; less than two thirds of it, or a part from its middle, is no match.
    expect(findNumbers([line(30, 'FNQ4N38')], known)[0]?.secret).toBe('IPFNQ4N38');
    expect(findNumbers([line(30, 'IPFNQ'), line(50, 'PFNQ4N3')], known)).toEqual([]);
  });

  it('is covered as read when read whole', () => {
    const found = findNumbers([line(10, '532.39.6923')], {
      documentNumbers: [],
      personalNumbers: ['532396923'],
    });
    expect(found.find((f) => f.via === 'mrz-value')?.box).toMatchObject({ x: 10, width: 110 });
  });
});
