import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

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
