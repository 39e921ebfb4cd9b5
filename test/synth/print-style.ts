import type { Box } from '../../shared/regions.ts';
import type { Rng } from './prng.ts';

/** Typefaces a document's values may be printed in. */
export type ValueFont = 'bold' | 'sans' | 'serif' | 'condensed';

/**
 * How one document is printed, beyond its layout: where its fields and portraits land, in which
 * typeface and size, in what tones. The plain style is the layout exactly as drawn; a varied one
 * moves and restyles it within what a state's next issue or another printer would, so that the
 * bench shows how much detection leans on this generator's looks rather than on the documents'.
 */
export interface PrintStyle {
  valueFont: ValueFont;
  /** Value and label sizes, as a share of the layout's. */
  textScale: number;
  upperLabels: boolean;
  /** Where a field's top-left is printed, in millimetres, for the layout's (x, y). */
  place(x: number, y: number): { x: number; y: number };
  /** The printed portrait's box for the layout's, in pixels. */
  portrait(box: Box, mm: number): Box;
  /** The ghost image's box for the layout's, in pixels. */
  ghost(box: Box, mm: number): Box;
  ghostOpacity(layout: number): number;
  /** The portrait's background, and whether it is printed in grey (laser-engraved) or colour. */
  portraitBackground: string;
  greyPortrait: boolean;
}

export const PLAIN_PRINT: PrintStyle = {
  valueFont: 'bold',
  textScale: 1,
  upperLabels: false,
  place: (x, y) => ({ x, y }),
  portrait: (box) => box,
  ghost: (box) => box,
  ghostOpacity: (layout) => layout,
  portraitBackground: '#dfe6ec',
  greyPortrait: false,
};

const between = (rng: Rng, low: number, high: number) => low + (high - low) * rng.next();

/** Moves and scales a box about its centre: offsets and size change in millimetres. */
function moved(box: Box, mm: number, dx: number, dy: number, scale: number): Box {
  const width = Math.round(box.width * scale);
  const height = Math.round(box.height * scale);
  return {
    x: Math.round(box.x + (box.width - width) / 2 + dx * mm),
    y: Math.round(box.y + (box.height - height) / 2 + dy * mm),
    width,
    height,
  };
}

/**
 * A varied print drawn from `rng`: the text column moved up to 2 mm, each field a further
 * 0.6 mm, text 90–112 % of the layout's size in one of four typefaces, labels in capitals now and
 * then; the portrait moved up to 1 mm and 94–104 % of its size, in grey or colour on one of several
 * backgrounds; the ghost moved up to 1.5 mm, 85–110 % of its size, fainter or stronger. At the
 * extremes a name may come within a millimetre of the portrait (the layouts leave 2 mm), but no
 * identity field's box meets a secret's (print-style.test).
 */
export function randomPrintStyle(rng: Rng): PrintStyle {
  const column = { x: between(rng, -1, 2), y: between(rng, -1, 1) };
  const portrait = {
    dx: between(rng, -1, 1),
    dy: between(rng, -1, 1),
    s: between(rng, 0.94, 1.04),
  };
  const ghost = {
    dx: between(rng, -1.5, 1.5),
    dy: between(rng, -1.5, 1.5),
    s: between(rng, 0.85, 1.1),
  };
  const ghostShade = between(rng, 0.7, 1.3);
  return {
    valueFont: rng.pick(['bold', 'sans', 'serif', 'condensed'] as const),
    textScale: between(rng, 0.9, 1.12),
    upperLabels: rng.next() < 0.3,
    place: (x, y) => ({
      x: x + column.x + between(rng, -0.6, 0.6),
      y: y + column.y + between(rng, -0.4, 0.4),
    }),
    portrait: (box, mm) => moved(box, mm, portrait.dx, portrait.dy, portrait.s),
    ghost: (box, mm) => moved(box, mm, ghost.dx, ghost.dy, ghost.s),
    ghostOpacity: (layout) => Math.min(0.5, layout * ghostShade),
    portraitBackground: rng.pick(['#dfe6ec', '#f4f4f2', '#cfd6da', '#e9e2d6', '#ffffff']),
    greyPortrait: rng.next() < 0.5,
  };
}
