import type { ExportFormat } from '../../../../shared/ipc.ts';
import type { RawImage } from '../raw-image.ts';
import { encodeImage } from './encode.ts';
import { buildPdf } from './pdf.ts';

export function exportFormatFromPath(file: string): ExportFormat | null {
  const ext = file.toLowerCase().split('.').pop();
  if (ext === 'pdf') return 'pdf';
  if (ext === 'png') return 'png';
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg';
  return null;
}

/**
 * Encodes a finished safe copy. A PDF puts all sides on one A4 page, after the pages of the
 * request letter when there is one; an image holds one side.
 */
export async function encodeCopy(
  sides: readonly RawImage[],
  format: ExportFormat,
  letterPages: readonly RawImage[] = [],
): Promise<Uint8Array> {
  if (format === 'pdf') {
    const encoded = await Promise.all(sides.map((s) => encodeImage(s, 'jpeg')));
    // Text pages as PNG: crisp letters, and small for a page that is mostly white.
    const letter = await Promise.all(letterPages.map((p) => encodeImage(p, 'png')));
    return buildPdf([...letter.map((page) => [page]), encoded]);
  }
  const first = sides[0];
  if (!first) throw new Error('nothing to export');
  return (await encodeImage(first, format)).bytes;
}
