import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../../electron/core/pipeline/find/finding.ts';
import { tighterNumbers } from '../../../../../electron/core/pipeline/find/tight-numbers.ts';
import { blankPage as img, readingEngine as engine } from '../../../../helpers/fake-ocr.ts';

// Varied seed 27 nl-id-front-33-phone: the page reader's box of the document number was 70 px
// high for 24 px glyphs, and its black covered the surname below.
const swollen: Finding = {
  kind: 'document_number',
  box: { x: 535, y: 392, width: 148, height: 70 },
  confidence: 0.7,
  via: 'nl-pattern',
  secret: 'JG2085QH8',
};

describe('a number whose box the page reader swelled with the print around it', () => {
  it('takes the tight box of the number read again on its own, misread as alike', async () => {
    const { ocr, crops } = engine('JG208SQHS');
    const [tight] = await tighterNumbers(img, [swollen], ocr);
    expect(crops).toHaveLength(1);
    expect(tight!.box.height).toBeLessThan(swollen.box.height / 2);
    // Inside the crop of the swollen box (its room of 15 % of its height aside).
    expect(tight!.box.x).toBeGreaterThanOrEqual(535 - 11);
    expect(tight!.box.y).toBeGreaterThanOrEqual(392 - 11);
    expect(tight).toMatchObject({ kind: 'document_number', secret: 'JG2085QH8' });
  });

  it('keeps the box when the number does not read again', async () => {
    const { ocr } = engine('Naam / Surname');
    expect(await tighterNumbers(img, [swollen], ocr)).toEqual([swollen]);
  });

  it('reads nothing again for a number of its glyphs height, or one running down', async () => {
    const { ocr, crops } = engine('JG2085QH8');
    const level = { ...swollen, box: { ...swollen.box, height: 26 } };
    const down = { ...swollen, box: { x: 535, y: 392, width: 70, height: 148 } };
    expect(await tighterNumbers(img, [level, down], ocr)).toEqual([level, down]);
    expect(crops).toHaveLength(0);
  });
});
