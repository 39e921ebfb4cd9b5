import { degrees, rgb, PDFDocument, PDFHexString, PDFName, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';

/** The raw image streams embedded in a PDF (our exports hold JPEG = DCTDecode streams). */
export async function pdfImages(bytes: Uint8Array): Promise<{ filter: string; data: Buffer }[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: { filter: string; data: Buffer }[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (
      obj instanceof PDFRawStream &&
      obj.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')
    ) {
      out.push({
        filter: String(obj.dict.get(PDFName.of('Filter'))),
        data: Buffer.from(obj.contents),
      });
    }
  }
  return out;
}

export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

export interface ScanPdfOptions {
  /** Page /Rotate (a scanner that stores pages sideways and lets the viewer turn them). */
  rotate?: 0 | 90 | 180 | 270;
  /** Resolution the image is placed at; the pipeline renders at 300 dpi. */
  dpi?: number;
  /** Text drawn on the page as real PDF text (a canary that must never reach the output). */
  text?: string;
  /** A document-level JavaScript action, as some hostile PDFs carry. */
  javascript?: string;
  /** Page size in points instead of the image's size. */
  pageSize?: [number, number];
}

/** A PDF like a scanner writes: each page one full-page JPEG image. */
export async function scanPdf(pages: Buffer[], options: ScanPdfOptions = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const dpi = options.dpi ?? 300;
  for (const png of pages) {
    const jpeg = await sharp(png).jpeg({ quality: 92 }).toBuffer();
    const image = await pdf.embedJpg(jpeg);
    const w = (image.width * 72) / dpi;
    const h = (image.height * 72) / dpi;
    const page = pdf.addPage(options.pageSize ?? [w, h]);
    page.drawImage(image, { x: 0, y: page.getHeight() - h, width: w, height: h });
    // Real text in the content stream, drawn pale so it does not change what the page shows.
    if (options.text)
      page.drawText(options.text, { x: 4, y: 4, size: 4, color: rgb(0.98, 0.98, 0.98) });
    if (options.rotate) page.setRotation(degrees(options.rotate));
  }
  if (options.javascript) {
    const action = pdf.context.obj({
      Type: 'Action',
      S: 'JavaScript',
      JS: PDFHexString.fromText(options.javascript),
    });
    pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.register(action));
  }
  return Buffer.from(await pdf.save());
}

/**
 * A PDF that needs a user password: a standard security handler whose check value does not
 * match the empty password, which is what a reader meets in a password-protected scan.
 */
export async function encryptedPdf(page: Buffer): Promise<Buffer> {
  const pdf = await PDFDocument.load(await scanPdf([page]));
  const hex = (n: number) => PDFHexString.of('ab'.repeat(n));
  const encrypt = pdf.context.obj({
    Filter: 'Standard',
    V: 2,
    R: 3,
    Length: 128,
    P: -3904,
    O: hex(32),
    U: hex(32),
  });
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  pdf.context.trailerInfo.ID = pdf.context.obj([hex(16), hex(16)]);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
