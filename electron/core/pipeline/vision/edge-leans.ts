import { DEG } from './hough-lines.ts';
import type { Line as Straight } from './edge-fit.ts';

// Which lines may close a document's outline, by their lean against the text's: perspective
// fans a document's opposite edges out round the text's direction and the square to it, while a
// table's grain lines lean all one way.

/** How far the text may lean beyond its document's top and bottom edges, in radians. */
const TEXT_LEAN = 1.5 * DEG;

/**
 * Whether the text's lean lies between the lean of the top and bottom edges: seen in perspective
 * the edges lean apart and the lines printed between them lean in between. A table's grain line
 * taken for an edge leans against the text (tuning photo be-id-back-381: both sides 4–6° off the
 * text's −2.8°, the same way), and everything found through such an outline leaned the wrong way.
 */
export function textBetween(top: Straight, bottom: Straight, s: number): boolean {
  const [a, b] = [top.t - Math.PI / 2 - s, bottom.t - Math.PI / 2 - s];
  return zeroBetween(a, b, TEXT_LEAN) && Math.abs(a - b) <= SPREAD;
}

/** Whether 0 lies between `a` and `b`, or within `slack` of them. */
function zeroBetween(a: number, b: number, slack: number): boolean {
  return Math.min(a, b) - slack <= 0 && 0 <= Math.max(a, b) + slack;
}

/** How far a side may lean beyond the square to the text (perspective turns it off square). */
const SIDE_LEAN = 2.5 * DEG;

/**
 * Whether the sides fan out round the square to the text, as perspective draws them; wood-grain
 * lines taken for a sideways eID's sides leant the same way, 6° off, and cut its print.
 */
export function sidesAround(left: Straight, right: Straight, s: number): boolean {
  return zeroBetween(left.t - s, right.t - s, SIDE_LEAN);
}

/**
 * How far a document's top and bottom edges may lean apart: a card seen with its far side 25 %
 * shorter still spreads them under 9°. A level grain line through one corner of a card tilted
 * 9–14° spread them by the whole tilt and was taken for the top edge.
 */
const SPREAD = 8 * DEG;
