import type { Box } from '../../../../shared/regions.ts';
import type { OcrWord } from '../ocr/text.ts';

/**
 * Pulls a portrait's edges back from confidently read words beside it: the name and dates printed
 * next to the photo must stay readable. Never cuts into the face itself. `margin` is what the burn
 * will grow the region by (its safety margin): on a card scanned on A4 those 7 px took the first
 * letter of the surname printed 2 px beyond the portrait, so the edge stops that much sooner.
 */
export function keepClearOfText(photo: Box, face: Box, words: readonly OcrWord[], margin = 0): Box {
  const room = 2 + margin;
  let { x: left, y: top } = photo;
  let right = photo.x + photo.width;
  let bottom = photo.y + photo.height;
  // The detector's box can run a little past a tightly cropped portrait: its outer 15 % may
  // yield to text, the face's core never does.
  const core = {
    left: face.x + 0.15 * face.width,
    right: face.x + 0.85 * face.width,
    top: face.y + 0.15 * face.height,
    bottom: face.y + 0.85 * face.height,
  };
  // By the word's centre: a name whose first letter reaches into the detector's generous face
  // box is still beside the face, not over it.
  const level = (b: Box) =>
    Math.abs(b.y + b.height / 2 - (face.y + face.height / 2)) < face.height / 2;
  const over = (b: Box) => Math.abs(b.x + b.width / 2 - (face.x + face.width / 2)) < face.width / 2;
  // Words level with the face or over it say plainly which edge they push; those off a corner
  // go last, and once the side has yielded to the column beside them they no longer overlap.
  const corner = (b: Box) => !level(b) && !over(b);
  const ordered = [...words].sort((a, c) => Number(corner(a.box)) - Number(corner(c.box)));
  for (const w of ordered) {
    if (w.confidence < 70 || w.text.replace(/[^\p{L}\d]/gu, '').length < 2) continue;
    const b = w.box;
    // Within the margin counts too: the burn's growth took the first letter of a passport's
    // given name printed 3 px beyond the portrait's box.
    const overlaps =
      b.x < right + margin &&
      b.x + b.width > left - margin &&
      b.y < bottom + margin &&
      b.y + b.height > top - margin;
    if (!overlaps) continue;
    // Each edge the word could push back: where it is, the word's and the face box's sides facing
    // it, the face's core it may not cross; `sign` is 1 for an edge that moves to lower values.
    const wide = right - left;
    const tall = bottom - top;
    // The word must lie beyond the face's near side (`beside`) for the edge to yield to it.
    const edges = [
      {
        edge: 'right',
        at: right,
        word: b.x,
        face: face.x + face.width,
        stop: core.right,
        sign: 1,
        beside: b.x > face.x,
      },
      {
        edge: 'left',
        at: left,
        word: b.x + b.width,
        face: face.x,
        stop: core.left,
        sign: -1,
        beside: b.x + b.width < face.x + face.width,
      },
      {
        edge: 'bottom',
        at: bottom,
        word: b.y,
        face: face.y + face.height,
        stop: core.bottom,
        sign: 1,
        beside: b.y > face.y,
      },
      {
        edge: 'top',
        at: top,
        word: b.y + b.height,
        face: face.y,
        stop: core.top,
        sign: -1,
        beside: b.y + b.height < face.y + face.height,
      },
    ] as const;
    const moves = edges.map((e) => {
      const to = e.sign > 0 ? Math.max(e.stop, e.word - room) : Math.min(e.stop, e.word + room);
      const sideways = e.edge === 'left' || e.edge === 'right';
      return {
        edge: e.edge,
        to,
        beside: e.beside,
        // Whether the word is then clear of the portrait, and what of the portrait it gives up.
        clears: e.sign * (e.word - to) >= 0,
        cost: e.sign * (e.at - to) * (sideways ? tall : wide),
        // A move that keeps the whole face box goes first: a word that only a cut into the face
        // could clear from the side lies above or below it (a title over a portrait whose top was
        // placed high), and cutting the side there left a licence portrait's edge showing.
        intoFace: e.sign * (e.face - to) > 0,
        // A word level with the face (the name column beside it) moves a side, one above or below
        // it (a title, the number under the portrait) the top or bottom; only a word off a corner
        // may move either. Cost alone let a column of labels beside the face, each cheaper to
        // clear from the top, pull the top down to the face.
        fits: (sideways ? level(b) : over(b)) || corner(b),
      };
    });
    const best = moves
      .filter((m) => m.beside && m.fits && m.clears)
      .sort((a, c) => Number(a.intoFace) - Number(c.intoFace) || a.cost - c.cost)[0];
    if (best?.edge === 'right') right = best.to;
    else if (best?.edge === 'left') left = best.to;
    else if (best?.edge === 'bottom') bottom = best.to;
    else if (best?.edge === 'top') top = best.to;
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
