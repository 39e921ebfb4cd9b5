import { describe, expect, it } from 'vitest';
import {
  alongTextBands,
  looksLikeMrzText,
  mrzTextBands,
} from '../../../../../electron/core/pipeline/find/mrz-text.ts';
import { line } from '../../../../helpers/ocr-lines.ts';

describe('MRZ lines in page text', () => {
  it('recognises MRZ lines as page OCR reads them', () => {
    expect(looksLikeMrzText('PENLOMEULENDIJK<<LOESC<ALBERTINEXSSSLL<SC<<L')).toBe(true);
    expect(looksLikeMrzText('XADODO0148NLD7110195F0604121123456782<<<<<02')).toBe(true);
    expect(looksLikeMrzText('I«UTOD231458907 «««««««')).toBe(true);
    // Fillers read as letters: still one unbroken run of capitals and digits.
    expect(looksLikeMrzText('L898902C36UTO7408122F1204159ZE184226B')).toBe(true);
    // A TD1's second line half in shadow: a '7' read as '/'.
    expect(looksLikeMrzText('9603080F340/138BEL960308876485')).toBe(true);
  });

  it('leaves printed words, names and dates alone', () => {
    for (const text of [
      'KONINKRIJK DER NEDERLANDEN',
      'Documentnummer XR0000014',
      '12 APR/APR 2006',
      'MEULENDIJK-VAN DER BERG',
      'Nationaliteit Nederlandse',
      // A licence's date of birth, with a mark beside it read as '«'.
      '3. 13.05.2005 L«',
      // A period of validity written as one run.
      '01.01.2020-01.01.2030',
      'www.rijksoverheid.nl/paspoort-2024',
    ])
      expect(looksLikeMrzText(text), text).toBe(false);
  });

  it('joins stacked MRZ lines into one band and keeps a distant one apart', () => {
    const bands = mrzTextBands([
      line(10, 'Naam'),
      line(300, 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<'),
      line(320, 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'),
      line(700, 'IDUTOD231458907<<<<<<<<<<<<<<<'),
    ]);
    expect(bands).toHaveLength(2);
    expect(bands[0]?.lines).toHaveLength(2);
    expect(bands[0]?.box.y).toBe(300);
    expect(bands[0]?.box.height).toBe(34);
  });

  it("makes one band of an MRZ's first and last lines when the line between them was misread", () => {
    const bands = mrzTextBands([
      line(100, 'TDBELS9644524 3 <3335<<<<<<<<<<<'),
      line(125, '9603O8OF34O/I38BE?96O3O8-876485'),
      line(150, 'BOS<<EMMA<JOHANNA<<<<<<<<<<<<<'),
    ]);
    expect(bands).toHaveLength(1);
    expect(bands[0]?.box).toMatchObject({ y: 100, height: 64 });
  });

  it('takes in a misread MRZ line that lines up with the band, the document number in it', () => {
    // Seed 17 nl-id-back-14: the first line half in shadow read with no '<<' and no long run.
    const first = line(682, 'I<NLDGAPSFXVM71327', 'S0lSEaSSSS==');
    const bands = mrzTextBands([
      line(400, 'Geboorteplaats / Place of birth'),
      first,
      line(705, '8805083M2812014NLD<<<SS===', '=='),
      line(728, 'MEI', 'JER<<JAN<<<', '<<<', '<<<', '<Tmmmmnen'),
    ]);
    expect(bands).toHaveLength(1);
    expect(bands[0]?.lines[0]).toBe(first.text);
    expect(bands[0]?.box.y).toBe(682);
  });

  it('leaves out print beside the band that is not of its alphabet or does not line up', () => {
    const bands = mrzTextBands([
      // A label as wide as the band, just above it: lower case.
      line(682, 'Geboorteplaats en -datum / Place and date of birth'),
      line(705, '8805083M2812014NLD<<<<<<<<<<<8'),
      line(728, 'MEIJER<<JAN<<<<<<<<<<<<<<<<<<<'),
      // Capitals and digits, but short: a field's value.
      line(751, 'AMSTERDAM 1988'),
    ]);
    expect(bands).toHaveLength(1);
    expect(bands[0]?.lines).toHaveLength(2);
    expect(bands[0]?.box.y).toBe(705);
  });
});

describe('an MRZ line the page reader split in two', () => {
  /** A line read at `x`…, `width` wide, as the reader gives it. */
  const at = (x: number, y: number, width: number, height: number, text: string) => ({
    ...line(y, text),
    box: { x, y, width, height },
  });

  it("takes the line's rest, too garbled to pass as MRZ, into the band", () => {
    // docsaid docs_img3, a phone photo: the second line sloped down and was cut two-thirds along.
    const bands = mrzTextBands([
      at(259, 1112, 495, 54, 'PCAZEARGEDAS <<CEYLACce'),
      at(259, 1167, 495, 60, 'C051777748a2e741 11752'),
      at(761, 1201, 546, 63, '201 1335235BU3<cccccepg'),
      at(318, 1500, 377, 62, 'KH 20 1010 Moye'),
    ]);
    expect(bands).toHaveLength(1);
    expect(bands[0]?.box).toEqual({ x: 259, y: 1112, width: 1048, height: 152 });
  });

  it('leaves print that does not start where a line ends, or is not level with it', () => {
    const bands = mrzTextBands([
      at(259, 1112, 495, 54, 'PCAZEARGEDAS <<CEYLACce'),
      // Far to the right of the band, and a line lower.
      at(1000, 1112, 300, 54, 'SIGNATURE OF HOLDER'),
      at(761, 1180, 300, 54, 'DATE OF EXPIRY 2022'),
      // Short marks just after it.
      at(760, 1112, 40, 54, '<<'),
    ]);
    expect(bands).toHaveLength(1);
    expect(bands[0]?.box).toEqual({ x: 259, y: 1112, width: 495, height: 54 });
  });
});

describe("an MRZ's box along the page text's MRZ lines", () => {
  it('reaches as far along its rows as the page text read them, and no further across', () => {
    // The band reader's box started two characters in; the page text's lines from the MRZ's start.
    const box = { x: 207, y: 797, width: 1013, height: 129 };
    const read = { box: { x: 137, y: 796, width: 1083, height: 130 }, lines: ['P<NLD', 'KB'] };
    expect(alongTextBands(box, [read])).toEqual({ x: 137, y: 797, width: 1083, height: 129 });
    // A band on other rows (an expiry read as MRZ above it) leaves the box as it is.
    const above = { box: { x: 40, y: 700, width: 1300, height: 40 }, lines: ['X'] };
    expect(alongTextBands(box, [above])).toEqual(box);
    // Nor does MRZ text on its rows that does not touch it (another card's, beside it).
    const beside = { box: { x: 1400, y: 800, width: 600, height: 120 }, lines: ['I<NLD'] };
    expect(alongTextBands(box, [beside])).toEqual(box);
  });
});
