import { describe, expect, it } from 'vitest';
import { encodeCopy } from '../../../../../electron/core/pipeline/export/index.ts';
import { placeImage } from '../../../../../electron/core/pipeline/export/pdf.ts';
import { burnRegions } from '../../../../../electron/core/pipeline/burn.ts';
import { loadImage } from '../../../../../electron/core/pipeline/load.ts';
import { decodeRaw, maxInBox, testPicture } from '../../../../helpers/images.ts';
import { pdfImages, pdfPageCount } from '../../../../helpers/pdf.ts';
import { regionOver } from '../../../../helpers/regions.ts';

const box = { x: 40, y: 30, width: 120, height: 50 };
const region = regionOver(box, 'mrz');

async function redactedSides(count: number) {
  const img = await loadImage(await testPicture(400, 260));
  return Array.from({ length: count }, () => burnRegions(img, [region]));
}

describe('PDF export', () => {
  it('holds one A4 page with one image per side and nothing else', async () => {
    for (const sides of [1, 2]) {
      const pdf = await encodeCopy(await redactedSides(sides), 'pdf');
      const text = Buffer.from(pdf).toString('latin1');
      expect(await pdfPageCount(pdf)).toBe(1);
      expect(await pdfImages(pdf)).toHaveLength(sides);
      expect(text).toMatch(/\/MediaBox \[ 0 0 595\.28 841\.89 \]/);
      for (const banned of [
        '/Annots',
        '/JavaScript',
        '/JS',
        '/EmbeddedFiles',
        '/AcroForm',
        '/Metadata',
        '/OpenAction',
        '/Font',
        'pdf-lib',
        '/Producer',
        '/Creator',
        '/Author',
        '/Info',
      ]) {
        expect(text.includes(banned), banned).toBe(false);
      }
      expect(text.match(/%%EOF/g)).toHaveLength(1);
      expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    }
  });

  it('keeps every redacted pixel black in the image decoded back out of the PDF', async () => {
    const pdf = await encodeCopy(await redactedSides(1), 'pdf');
    const [image] = await pdfImages(pdf);
    expect(image?.filter).toBe('/DCTDecode');
    const decoded = await decodeRaw(image!.data);
    expect([decoded.width, decoded.height]).toEqual([400, 260]);
    // JPEG is lossy: "black" means every channel at most 12 of 255 inside the region.
    expect(maxInBox(decoded, box)).toBeLessThanOrEqual(12);
  });

  it('places scans at true size and fits photos to the page', () => {
    const slot = { x: 42, y: 42, width: 511, height: 757 };
    const card = placeImage({ width: 1011, height: 638, dpi: 300 }, slot);
    expect(card.width).toBeCloseTo((85.6 / 25.4) * 72, 0);
    const photo = placeImage({ width: 4000, height: 3000, dpi: null }, slot);
    expect(photo.width).toBeCloseTo(511);
  });
});
