import { VkError } from '../../../../shared/errors.ts';

/** pdf.js's words when `maxImageSize` made it drop an image from a page. */
const IMAGE_REMOVED = 'Image exceeded maximum allowed size';

let imageRemoved = false;

/** Takes the place of console output on the decoding thread: remembers, never prints. */
export function noteDecoderWarning(...parts: unknown[]): void {
  if (parts.some((p) => typeof p === 'string' && p.includes(IMAGE_REMOVED))) imageRemoved = true;
}

/**
 * Throws when pdf.js dropped an image since the last call: the page would come out blank, and a
 * blank page is not the scan the person gave us.
 */
export function refuseRemovedImages(limitPixels: number): void {
  const removed = imageRemoved;
  imageRemoved = false;
  if (removed) throw new VkError('PDF_IMAGE_TOO_LARGE', { limit: Math.round(limitPixels / 1e6) });
}
