import {
  layoutOf,
  placeLayout,
  type Layout,
  type LayoutItem,
} from '../../../../shared/documents/layouts.ts';
import type { MrzInfo } from '../../../../shared/mrz.ts';
import {
  boxArea,
  centreIn,
  intersectBoxes,
  type Box,
  type RegionKind,
} from '../../../../shared/regions.ts';
import type { OcrWord } from '../ocr/text.ts';
import { keepClearOfText } from './clear-of-text.ts';
import type { Finding } from './finding.ts';

/**
 * What the document's layout says is printed where nothing was found: for a document identified
 * by its MRZ, each item of its layout (the number field, the BSN, the perforation, the portrait)
 * that no finding of its kind lies in is blacked out where the layout puts it. OCR that missed a
 * number (blurred, glare, an odd typeface) then leaves no number readable. Zones are clipped to
 * `within`, in the image's pixels (see `placeLayout`).
 */
export function layoutFindings(
  band: Box,
  info: MrzInfo,
  found: readonly Finding[],
  within: Box,
  words: readonly OcrWord[],
  margin = 0,
): Finding[] {
  // The MRZ's document number found again in the print outside it (see `layoutOf`).
  const numberReadAgain = found.some(
    (f) =>
      f.kind === 'document_number' &&
      f.via === 'mrz-value' &&
      boxArea(intersectBoxes(f.box, band)) === 0,
  );
  const layout = layoutOf(info, numberReadAgain);
  return layout ? placedFindings(layout, band, found, within, 'mrz', words, margin) : [];
}

/**
 * A portrait's zone yields to the words read beside it, as a portrait grown from its face does:
 * placed from an outline a millimetre or two off on a photo, it reached over the start of the
 * names printed 2 mm beyond the portrait (a given name a third black). Its middle, where the
 * face is printed, never yields. Words within the burn's `margin` of it count too: a passport's
 * given name printed 1 px past the zone lost its first letter to the black's growth.
 */
function clearOfNames(zone: Box, words: readonly OcrWord[], margin: number): Box {
  const middle = {
    x: zone.x + 0.2 * zone.width,
    y: zone.y + 0.2 * zone.height,
    width: 0.6 * zone.width,
    height: 0.6 * zone.height,
  };
  return keepClearOfText(zone, middle, words, margin);
}

/**
 * Each item of `layout` placed from its MRZ anchor `band` (see `placeLayout`) that no finding of
 * its kind lies in, as a finding of its own; a whole item partly found, to the zone's ends.
 * `from` says whether the band is an MRZ seen, or placed from the document's outline. A
 * portrait's zone keeps clear of the `words` read beside it, by the burn's `margin` too.
 */
export function placedFindings(
  layout: Layout,
  band: Box,
  found: readonly Finding[],
  within: Box,
  from: 'mrz' | 'outline',
  words: readonly OcrWord[],
  margin = 0,
): Finding[] {
  // Holes stand only for the perforation: a stray one in the number field's zone (a warped view
  // of a photo put one there) is not the field's number, which stayed readable.
  const seen = (item: LayoutItem, zone: Box) =>
    found.find(
      (f) =>
        f.kind === item.kind &&
        (item.whole === true || f.via !== 'perforation') &&
        boxArea(intersectBoxes(f.box, zone)) >= 0.3 * boxArea(f.box),
    );
  const placed = placeLayout(layout, band, within);
  const ghostZone = placed.find((p) => p.item.kind === 'ghost_photo')?.box;
  // A "portrait" found where the layout prints the ghost image is the ghost: a grey portrait the
  // face model did not see beside its paler ghost, which it did (0.81), left the holder's face
  // readable with no warning, the ghost taken for it.
  const inGhostZone = (f: Finding) =>
    !!ghostZone && boxArea(intersectBoxes(f.box, ghostZone)) >= 0.5 * boxArea(f.box);
  // On a document told by its print, its own layout placed from its outline, a "portrait" found
  // clear of the portrait's zone is not the one it prints: on a driving licence (whose layout has
  // no ghost zone) the model missed a grey portrait and saw the small ghost image printed at the
  // right, and the holder's face stayed readable with no warning. From an MRZ, the ICAO zone only
  // roughly guides: states print their portraits where they will.
  const asPortrait = (f: Finding, zone: Box) =>
    !inGhostZone(f) && (from === 'mrz' || boxArea(intersectBoxes(f.box, zone)) > 0);
  const seenAnywhere = (kind: RegionKind, zone: Box) =>
    found.find((f) =>
      kind === 'photo'
        ? f.kind === 'photo' && asPortrait(f, zone)
        : f.kind === kind || (f.kind === 'photo' && inGhostZone(f)),
    );
  return placed.flatMap(({ item, box: zone }): Finding[] => {
    const box = item.kind === 'photo' ? clearOfNames(zone, words, margin) : zone;
    // A portrait (or ghost image) found is the one the document prints: the zone only stands in
    // for a face not seen, or (a whole item) reaches the printed edges the black grown from it
    // may stop short of.
    const portrait = item.kind === 'photo' || item.kind === 'ghost_photo';
    const face = portrait ? seenAnywhere(item.kind, zone) : undefined;
    if (face) {
      const whole =
        item.whole === true || (item.whole === 'face-inside' && centreIn(face.box, zone));
      return whole
        ? [{ kind: item.kind, box, confidence: face.confidence, via: face.via, zone: true }]
        : [];
    }
    const part = portrait ? undefined : seen(item, zone);
    // Part of a whole item found: its black reaches the zone's ends, as what was found.
    if (part)
      return item.whole === true
        ? [{ kind: part.kind, box, confidence: part.confidence, via: part.via, zone: true }]
        : [];
    return [
      {
        kind: item.kind,
        box,
        confidence: portrait ? 0.4 : 0.6,
        via: portrait && from === 'mrz' ? 'mrz-geometry' : 'layout',
        zone: true,
      },
    ];
  });
}
