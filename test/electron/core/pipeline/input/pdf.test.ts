import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeEngines, createEngines } from '../../../../../electron/core/pipeline/engines.ts';
import { encodeCopy } from '../../../../../electron/core/pipeline/export/index.ts';
import { redactDocument } from '../../../../../electron/core/pipeline/index.ts';
import { loadPages } from '../../../../../electron/core/pipeline/load.ts';
import { DEFAULT_LIMITS } from '../../../../../shared/limits.ts';
import { codeOf } from '../../../../helpers/hostile.ts';
import { expectSafeCopy } from '../../../../helpers/expect-safe-copy.ts';
import { decodeRaw, meanAbsDiff, testPicture } from '../../../../helpers/images.ts';
import { encryptedPdf, scanPdf } from '../../../../helpers/pdf.ts';
import { idCard, passportPage } from '../../../../synth/documents.ts';
import { randomHolder } from '../../../../synth/holder.ts';
import { createRng } from '../../../../synth/prng.ts';
import { renderVariant } from '../../../../synth/variants.ts';

const engines = createEngines();
afterAll(() => closeEngines(engines));
const settings = { detect: true, keep: [], lang: 'nl' as const, watermark: null };

describe('PDF scans as input', () => {
  it('renders a scanner page at 300 dpi and redacts it like the image itself', async () => {
    const rng = createRng(51);
    const page = await passportPage(randomHolder(rng), { mm: 9, seed: 51, country: 'NLD' });
    const scan = await renderVariant(page, 'scan', rng, 'pdf-scan');
    const pdf = await scanPdf([scan.bytes], { text: 'CANARY-PDF-TEXT' });
    const result = await redactDocument({ sides: [pdf], settings, engines });
    const input = await decodeRaw(scan.bytes);
    const output = result.sides[0]!.image;
    expect([output.width, output.height]).toEqual([input.width, input.height]);
    expectSafeCopy(input, output, scan);
    // Only pixels travel: the input's text is nowhere in the exported file.
    const exported = await encodeCopy([output], 'pdf');
    expect(Buffer.from(exported).includes('CANARY-PDF-TEXT')).toBe(false);
  });

  it('takes a two-page scan as front and back of one card', async () => {
    const rng = createRng(52);
    const [front, back] = await idCard(randomHolder(rng), { mm: 12, seed: 52 });
    const pdf = await scanPdf([front!.png, back!.png]);
    const result = await redactDocument({ sides: [pdf], settings, engines });
    expect(result.sides).toHaveLength(2);
    expect(result.document?.kind).toBe('id_card');
    const kinds = result.sides.map((s) => s.regions.map((r) => r.kind));
    expect(kinds[0]).toContain('photo');
    expect(kinds[1]).toContain('mrz');
  });

  it.each([90, 180, 270] as const)(
    'shows a page stored with /Rotate %i as a viewer does',
    async (rotate) => {
      const picture = await testPicture(300, 200);
      const [page] = await loadPages(await scanPdf([picture], { rotate }));
      // /Rotate turns clockwise, as sharp's rotate does.
      const upright = await decodeRaw(await sharp(picture).rotate(rotate).png().toBuffer());
      expect([page!.width, page!.height]).toEqual([upright.width, upright.height]);
      expect(meanAbsDiff(page!, upright)).toBeLessThan(12);
    },
  );

  it('refuses a password-protected PDF with its own message', async () => {
    expect(await codeOf(loadPages(await encryptedPdf(await testPicture(200, 100))))).toBe(
      'PDF_ENCRYPTED',
    );
  });

  it('refuses 300 pages before drawing any', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < 300; i++) pdf.addPage([595, 842]);
    const t0 = performance.now();
    expect(await codeOf(loadPages(Buffer.from(await pdf.save())))).toBe('TOO_MANY_PAGES');
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('refuses a page of 10 m by 10 m', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([28346, 28346]);
    expect(await codeOf(loadPages(Buffer.from(await pdf.save())))).toBe('PAGE_TOO_LARGE');
  });

  it('turns a truncated or garbled PDF into CORRUPT_FILE', async () => {
    const pdf = await scanPdf([await testPicture(200, 100)]);
    expect(await codeOf(loadPages(pdf.subarray(0, 40)))).toBe('CORRUPT_FILE');
    expect(await codeOf(loadPages(Buffer.from('%PDF-1.7\n' + 'x'.repeat(500))))).toBe(
      'CORRUPT_FILE',
    );
  });

  it('renders a PDF carrying JavaScript as pixels only, without running it', async () => {
    const pdf = await scanPdf([await testPicture(200, 100)], {
      javascript: 'app.launchURL("https://example.invalid/", true);',
    });
    const pages = await loadPages(pdf);
    expect(pages).toHaveLength(1);
  });

  it('keeps to the page limit it is given', async () => {
    const three = await scanPdf(await Promise.all([1, 2, 3].map(() => testPicture(100, 80))));
    expect(await codeOf(loadPages(three, { ...DEFAULT_LIMITS, maxPages: 2 }))).toBe(
      'TOO_MANY_PAGES',
    );
    expect(await codeOf(redactDocument({ sides: [three], settings, engines }))).toBe(
      'TOO_MANY_SIDES',
    );
  });
});
