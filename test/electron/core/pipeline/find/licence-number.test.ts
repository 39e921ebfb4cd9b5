import { describe, expect, it } from 'vitest';
import { findLicenceNumbers } from '../../../../../electron/core/pipeline/find/licence-number.ts';
import { line } from '../../../../helpers/ocr-lines.ts';

const kinds = (lines: Parameters<typeof findLicenceNumbers>[0]) =>
  findLicenceNumbers(lines).map((f) => [f.via, f.secret]);

describe('driving licence number (EU field 5)', () => {
  it('takes the value after field number 5, as OCR reads the 5', () => {
    for (const label of ['5.', '5', 'S.', '5,'])
      expect(kinds([line(10, label, '2413721522')]), label).toEqual([
        ['licence-field-5', '2413721522'],
      ]);
    // A German licence number carries letters too.
    expect(kinds([line(10, '5.', 'B072RRE2I55')])).toEqual([['licence-field-5', 'B072RRE2I55']]);
  });

  it('takes the value read into one word with its field number 5, never a date so read', () => {
    // Varied seed 33 nl-licence-front-62-phone: "5..2120659219" stayed readable.
    expect(kinds([line(10, 'ci,', '5..2120659219')])).toEqual([['licence-field-5', '2120659219']]);
    expect(kinds([line(10, 'S.B072RRE2I55')])).toEqual([['licence-field-5', 'B072RRE2I55']]);
    expect(kinds([line(10, '5.12.2020')])).toEqual([]);
  });

  it('takes the value its field number 5 ran into through a speck, or on a licence with no mark', () => {
    // Varied seed 41 nl-licence-front-48-phone: "5.°5363058542" on the page, "55363058542" read
    // again; the licence number stayed readable.
    expect(kinds([line(10, '5.°5363058542')])).toEqual([['licence-field-5', '5363058542']]);
    const licence = (word: string) => kinds([line(10, 'RIJBEWIJS'), line(40, word)]);
    expect(licence('55363058542')).toEqual([['licence-field-5', '5363058542']]);
    // Its own ten digits beginning with a 5 are the number whole.
    expect(licence('5363058542')).toEqual([['licence-number', '5363058542']]);
    // Off a licence, eleven digits are not taken for field 5 and its number.
    expect(kinds([line(10, 'IDENTITEITSKAART'), line(40, '55363058542')])).toEqual([]);
  });

  it('takes a lone ten-digit number on a page titled as a driving licence', () => {
    const page = [line(10, 'RIJBEWIJS'), line(40, '4b.', '09.08.2030'), line(60, '2413721522')];
    expect(kinds(page)).toEqual([['licence-number', '2413721522']]);
  });

  it('leaves ten digits alone on other documents, and dates and names on a licence', () => {
    expect(kinds([line(10, 'IDENTITEITSKAART'), line(40, '2413721522')])).toEqual([]);
    expect(
      kinds([line(10, 'RIJBEWIJS'), line(40, '3.', '14.04.1997'), line(60, '1.', 'JANSEN')]),
    ).toEqual([]);
  });

  it('never takes a date its field label ran into for a licence number', () => {
    // Varied seed 39 nl-licence-front-35-phone: "4b. 20.12.2029" read "16.20.12.2029", ten
    // digits without its dots, and the expiry was blacked out.
    const page = [line(10, 'RIJBEWIJS'), line(40, '16.20.12.2029'), line(60, '4b.20.12.2029')];
    expect(kinds(page)).toEqual([]);
    // Varied seed 71 nl-licence-front-93-phone: "3. 12.02.1952" read "312.022.1952" (its day
    // and month garbled too), and the date of birth was blacked out.
    expect(kinds([line(10, 'RIJBEWIJS'), line(40, '312.022.1952', 'Amsterdam')])).toEqual([]);
  });

  it('covers the whole of field 4d and field 5 when glare left only their first digits read', () => {
    const page = [line(10, 'RIJBEWIJS'), line(40, '4d.', '8249'), line(60, '5.', '58518')];
    const found = findLicenceNumbers(page).map((f) => [f.kind, f.box.x, f.box.width]);
    // 10 px per digit read: nine digits of BSN, ten of licence number.
    expect(found).toEqual([
      ['personal_number', 48, 90],
      ['document_number', 38, 100],
    ]);
  });

  it('takes the whole BSN after 4d when a misread digit breaks its 11-proef', () => {
    // 116472005 passes the 11-proef; a phone photo's OCR read its 0 as 9.
    const page = [
      line(10, 'RIJBEWIJS'),
      line(40, '4d', '116472905,'),
      line(60, '5.', '2186628530'),
    ];
    const found = findLicenceNumbers(page).map((f) => [f.kind, f.via, f.box.width]);
    expect(found).toEqual([
      ['personal_number', 'label', 100],
      ['document_number', 'licence-field-5', 100],
    ]);
  });

  it('takes the BSN after 4d read with a digit twice, to the end of what was read', () => {
    // Seed 19 nl-licence-front-97: a nine-digit BSN read as ten, on a title read "R1JBEWIJS".
    const page = [line(10, 'R1JBEWIJS'), line(40, '4d.', '4715777717')];
    const bsn = findLicenceNumbers(page).find((f) => f.kind === 'personal_number');
    expect(bsn?.box).toMatchObject({ x: 48, width: 100 });
  });

  it('takes the BSN after 4d with one character of it garbled, not one with two', () => {
    // Varied seed 99 nl-licence-front-12-phone: its last 1, at a shadow's edge, read as '%'.
    const page = [line(10, 'RIJBEWIJS'), line(40, '4d.', '14213662%')];
    const bsn = findLicenceNumbers(page).find((f) => f.kind === 'personal_number');
    expect(bsn?.box).toMatchObject({ x: 48, width: 90 });
    // Two garbled, or one among three digits: not the number.
    for (const value of ['1421366%%', '14%'])
      expect(findLicenceNumbers([line(10, 'RIJBEWIJS'), line(40, '4d.', value)])).toEqual([]);
  });

  it('leaves the first digits of a field alone off a licence, and a date after a field number', () => {
    expect(findLicenceNumbers([line(10, 'PASPOORT'), line(40, '4d.', '8249')])).toEqual([]);
    expect(
      findLicenceNumbers([
        line(10, 'RIJBEWIJS'),
        line(40, '4d.', '09.08.2030'),
        line(60, '4a.', '2020'),
      ]),
    ).toEqual([]);
  });
});
