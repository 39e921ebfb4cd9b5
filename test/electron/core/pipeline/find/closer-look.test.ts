import { describe, expect, it } from 'vitest';
import { closerLook } from '../../../../../electron/core/pipeline/find/closer-look.ts';
import type { Finding } from '../../../../../electron/core/pipeline/find/finding.ts';
import {
  blankPage as img,
  lineAt as line,
  readingEngine as engine,
} from '../../../../helpers/fake-ocr.ts';

const known = { documentNumbers: ['GMG9W51V4'], personalNumbers: [] };
const field: Finding = {
  kind: 'document_number',
  box: { x: 600, y: 200, width: 108, height: 20 },
  confidence: 0.95,
  via: 'mrz-value',
  secret: 'GMG9W51V4',
};

describe('a closer look at lines that half show a known number', () => {
  it('reads a garbled second print again on its own and finds the number there', async () => {
    const { ocr, crops } = engine('GMG9W51V4');
    const page = [line('Ee 1v4', 700, 20), line('GMG9W51V4', 600, 200), line('UTOPIA', 40, 40)];
    const found = await closerLook(img, page, [field], known, ocr);
    // Only the garbled line is read again: the field is found already, UTOPIA shares nothing.
    expect(crops).toHaveLength(1);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'document_number', secret: 'GMG9W51V4' });
    // In image pixels, inside the crop around the garbled line.
    expect(found[0]!.box.x).toBeGreaterThanOrEqual(700 - 20);
    expect(found[0]!.box.x).toBeLessThan(700 + 72);
  });

  it('takes nothing when the closer reading does not show the number', async () => {
    const { ocr, crops } = engine('Ee 1v4');
    const found = await closerLook(img, [line('Ee 1v4', 700, 20)], [field], known, ocr);
    expect(crops).toHaveLength(1);
    expect(found).toEqual([]);
  });

  it('reads nothing again when the MRZ gave no number', async () => {
    const { ocr, crops } = engine('GMG9W51V4');
    const none = { documentNumbers: [], personalNumbers: [] };
    expect(await closerLook(img, [line('Ee 1v4', 700, 20)], [], none, ocr)).toEqual([]);
    expect(crops).toHaveLength(0);
  });

  it('reads at most a handful of lines on a page full of look-alikes', async () => {
    const { ocr, crops } = engine('nothing');
    const page = Array.from({ length: 20 }, (_, i) => line('G9W1V', 10, 25 * i));
    await closerLook(img, page, [field], known, ocr);
    expect(crops.length).toBeLessThanOrEqual(6);
  });
});
