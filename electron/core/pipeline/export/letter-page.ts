import sharp from 'sharp';
import type { Letter } from '../../../../shared/letter/letter.ts';
import type { RawImage } from '../raw-image.ts';
import { shippedFile } from '../shipped.ts';
import { escapeMarkup } from '../watermark.ts';

/** Rendered at 200 dpi: sharp text on paper, a modest file. */
const DPI = 200;
const PT = DPI / 72;
/** The PDF page's printable area (A4 less the 42 pt margins the PDF layout keeps). */
const AREA = { width: Math.round(511 * PT), height: Math.round(758 * PT) };
const INSET = Math.round(30 * PT);
const TEXT_WIDTH = AREA.width - 2 * INSET;
const GAP = Math.round(11 * PT);

/** One block of text (lines joined, wrapped to the text width), dark on transparent. */
async function block(markup: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="#111111">${markup}</span>`,
      font: 'DejaVu Sans 10.5',
      fontfile: shippedFile('letterFont'),
      rgba: true,
      width: TEXT_WIDTH,
      dpi: DPI,
      wrap: 'word',
      spacing: Math.round(3 * PT),
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const lines = (items: readonly string[]) => items.map(escapeMarkup).join('\n');

/**
 * The request letter as page images, laid out top to bottom and continued on a new page when a
 * paragraph does not fit. Images, not PDF text: the export stays pixels only, like the copy.
 */
export async function renderLetterPages(letter: Letter): Promise<RawImage[]> {
  const texts = [
    lines(letter.sender),
    lines(letter.recipient),
    escapeMarkup(letter.dateLine),
    `<b>${escapeMarkup(letter.subject)}</b>`,
    ...letter.paragraphs.map((p) => escapeMarkup(p)),
    `${escapeMarkup(letter.closing)}\n\n\n${lines(letter.signature)}`,
  ];
  // A part the person left empty (no recipient, no contact) is left out: text rendering refuses
  // an empty block.
  const blocks = await Promise.all(texts.filter((t) => t.trim() !== '').map(block));
  let page: { input: Buffer; top: number; left: number }[] = [];
  const pages = [page];
  let y = INSET;
  for (const b of blocks) {
    if (y + b.height > AREA.height - INSET && y > INSET) {
      page = [];
      pages.push(page);
      y = INSET;
    }
    page.push({ input: b.data, top: y, left: INSET });
    y += b.height + GAP;
  }
  return Promise.all(
    pages.map(async (placed) => {
      const { data, info } = await sharp({
        create: { ...AREA, channels: 3, background: '#ffffff' },
      })
        .composite(placed)
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height, dpi: DPI };
    }),
  );
}
