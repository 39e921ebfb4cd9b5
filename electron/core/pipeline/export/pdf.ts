import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { EncodedImage } from './encode.ts';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 42;
const GAP = 28;
const PT_PER_INCH = 72;

interface Slot {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One slot for one image, two stacked slots for front + back on one sheet, like a photocopy. */
function slotsFor(count: number): Slot[] {
  const width = A4.width - 2 * MARGIN;
  const full = A4.height - 2 * MARGIN;
  if (count === 1) return [{ x: MARGIN, y: MARGIN, width, height: full }];
  const half = (full - GAP) / 2;
  return [
    { x: MARGIN, y: MARGIN + half + GAP, width, height: half },
    { x: MARGIN, y: MARGIN, width, height: half },
  ];
}

/** True size when the scan states its resolution; otherwise fitted to the slot. Centred at the top. */
export function placeImage(img: { width: number; height: number; dpi: number | null }, slot: Slot) {
  const natural = img.dpi
    ? { w: (img.width / img.dpi) * PT_PER_INCH, h: (img.height / img.dpi) * PT_PER_INCH }
    : { w: slot.width, h: (slot.width * img.height) / img.width };
  const scale = Math.min(1, slot.width / natural.w, slot.height / natural.h);
  const w = natural.w * scale;
  const h = natural.h * scale;
  return { x: slot.x + (slot.width - w) / 2, y: slot.y + slot.height - h, width: w, height: h };
}

/**
 * A fresh PDF holding only the (already redacted) images: no text layer, no annotations, no
 * metadata. `updateMetadata: false` keeps pdf-lib from writing Producer/Creator/dates.
 */
export async function buildPdf(pages: readonly (readonly EncodedImage[])[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const images of pages) {
    const page = pdf.addPage([A4.width, A4.height]);
    const slots = slotsFor(images.length);
    for (const [i, img] of images.entries()) {
      const embedded =
        img.format === 'jpeg' ? await pdf.embedJpg(img.bytes) : await pdf.embedPng(img.bytes);
      page.drawImage(embedded, placeImage(img, slots[Math.min(i, slots.length - 1)] as Slot));
    }
    // pdf-lib leaves empty /Annots, /Font and /ExtGState entries: drop them so the file says
    // exactly what it holds and nothing else.
    page.node.delete(PDFName.of('Annots'));
    const resources = page.node.get(PDFName.of('Resources'));
    if (resources instanceof PDFDict) {
      resources.delete(PDFName.of('Font'));
      resources.delete(PDFName.of('ExtGState'));
    }
  }
  return pdf.save({ useObjectStreams: false, addDefaultPage: false });
}
