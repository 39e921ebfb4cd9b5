import { readsAsTitle } from '../../../../shared/documents/identify.ts';
import type { OcrLine } from '../ocr/text.ts';
import type { PhotoFinding } from './photo.ts';

/**
 * The photos, with a "portrait" on a driving licence that lies right of where its title starts
 * taken for the small second portrait printed at its right. The EU licence prints its portrait
 * at the left, under the flag, and "RIJBEWIJS" starts right of it; the face model missed a grey
 * portrait, saw the small one, and the licence's face was left readable with no warning, the
 * small one taken for it (varied seed 49 nl-licence-front-6-phone, no outline found to place the
 * layout from). As a second portrait it is still blacked out, and the portrait is asked for.
 * Only when no "portrait" lies left of the title: one that does is the licence's own.
 */
export function licenceSecondPortraits(
  photos: readonly PhotoFinding[],
  lines: readonly OcrLine[],
): PhotoFinding[] {
  const title = lines.flatMap((l) => l.words).find((w) => readsAsTitle(w.text, 'driving_licence'));
  if (!title) return [...photos];
  const rightOfTitle = (p: PhotoFinding) => p.box.x + p.box.width / 2 > title.box.x;
  const portraits = photos.filter((p) => p.kind === 'photo');
  if (!portraits.length || !portraits.every(rightOfTitle)) return [...photos];
  return photos.map((p) => (p.kind === 'photo' ? { ...p, kind: 'ghost_photo' } : p));
}
