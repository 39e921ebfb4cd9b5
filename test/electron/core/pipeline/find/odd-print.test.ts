import { describe, expect, it } from 'vitest';
import { numberInOddPrint } from '../../../../../electron/core/pipeline/find/odd-print.ts';
import type { Finding } from '../../../../../electron/core/pipeline/find/finding.ts';
import {
  blankPage as img,
  lineAt as line,
  readingEngine as engine,
} from '../../../../helpers/fake-ocr.ts';

const none = { documentNumbers: [], personalNumbers: [] };

describe('a closer look at odd print on a front whose number no reading found', () => {
  const number: Finding = {
    kind: 'document_number',
    box: { x: 300, y: 110, width: 120, height: 20 },
    confidence: 0.7,
    via: 'nl-pattern',
  };
  const portrait: Finding = {
    kind: 'photo',
    box: { x: 40, y: 100, width: 200, height: 260 },
    confidence: 0.9,
    via: 'face',
  };
  // The number split into pieces OCR read with confidence, beside labels and names.
  const page = [
    line('Documentnummer', 300, 80),
    line('LDDI2', 300, 110),
    line('1DK', 380, 110),
    line('Naam', 300, 150),
  ];

  it('reads the odd pieces again with their row and finds the number there', async () => {
    const { ocr, crops } = engine('LDDI21DK8');
    const found = await numberInOddPrint(img, ocr, page, [portrait], none);
    // One crop: the second piece lies in the first one's row, read with it.
    expect(crops).toHaveLength(1);
    expect(found).toContainEqual(
      expect.objectContaining({ kind: 'document_number', secret: 'LDDI21DK8' }),
    );
  });

  it('reads nothing again when the number was found, or on a side without a portrait', async () => {
    const { ocr, crops } = engine('LDDI21DK8');
    expect(await numberInOddPrint(img, ocr, page, [portrait, number], none)).toEqual([]);
    expect(await numberInOddPrint(img, ocr, page, [], none)).toEqual([]);
    expect(crops).toHaveLength(0);
  });

  it('takes only numbers from what it reads again', async () => {
    for (const text of ['DEKKER', '23 OKT/OCT 1978', 'AM/B']) {
      const { ocr } = engine(text);
      expect(await numberInOddPrint(img, ocr, page, [portrait], none), text).toEqual([]);
    }
  });

  it('takes a word that can only be the number, a character off its pattern', async () => {
    for (const text of ['LDDI21DKS8', '22127224046']) {
      const { ocr } = engine(text);
      expect(await numberInOddPrint(img, ocr, page, [portrait], none), text).toContainEqual(
        expect.objectContaining({ kind: 'document_number', via: 'odd-print', secret: text }),
      );
    }
  });
});
