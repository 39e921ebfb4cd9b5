import { clampBox, type Box } from '../../../../shared/regions.ts';
import type { Gray } from '../vision/gray.ts';

// The printed portrait's border around a face the model found: the face box is smaller than the
// portrait, and a tilted or faded portrait's border is where the black must reach.

type Side = 'left' | 'right' | 'top' | 'bottom';

/**
 * Walks a candidate edge line of a side, leaning `slope` px per px along it, from `from` to `to`
 * along the side: at each position whose `reach` px either side lie on the image, `visit` gets the
 * grey `d` px across the line (negative d towards lower coordinates). Returns the positions
 * walked, on the image or not.
 */
function alongEdge(
  g: Gray,
  side: Side,
  at: number,
  [from, to]: [number, number],
  slope: number,
  reach: number,
  visit: (across: (d: number) => number) => void,
): number {
  const horizontal = side === 'left' || side === 'right';
  const span = horizontal ? g.width : g.height;
  const mid = (from + to) / 2;
  let total = 0;
  for (let t = Math.max(0, from); t < Math.min(to, horizontal ? g.height : g.width); t++) {
    const u = Math.round(at + slope * (t - mid));
    total++;
    if (u < reach || u >= span - reach) continue;
    visit((d) => g.data[horizontal ? t * g.width + u + d : (u + d) * g.width + t] ?? 0);
  }
  return total;
}

/**
 * Share of positions along a candidate edge line where brightness steps across it. Each side is
 * averaged over 3 px, so faint borders (light photo background on a light page) still count.
 * The line may lean (`slope` px per px along it): a photo straightened by rotation keeps some
 * perspective, so a portrait border is rarely exactly parallel to the image axes.
 */
function edgeStrength(
  g: Gray,
  side: Side,
  at: number,
  from: number,
  to: number,
  slope = 0,
): number {
  let strong = 0;
  const total = alongEdge(g, side, at, [from, to], slope, 4, (px) => {
    const before = (px(-2) + px(-3) + px(-4)) / 3;
    const after = (px(2) + px(3) + px(4)) / 3;
    if (Math.abs(before - after) >= 7) strong++;
  });
  return total === 0 ? 0 : strong / total;
}

/** A portrait's height over its width (ICAO 9303: 45 × 35 mm). */
const PORTRAIT_ASPECT = 45 / 35;
/** The squarest portraits in print, height over width (cropped a little on some cards). */
const SQUAREST_PORTRAIT = 1.25;
/**
 * The widest portrait against the face model's box on it (ICAO 9303 puts the head at 50–60 % of
 * the portrait's width; the box holds the face, a little narrower): a grey licence portrait was
 * 1.75 of it.
 */
const WIDEST = 2;

/** Leans tried for a portrait border: up to about 3° either way. */
const SLOPES = [0, -0.02, 0.02, -0.04, 0.04, -0.055, 0.055];

/**
 * Finds the printed portrait's border: a straight, continuous edge roughly parallel to the face
 * box side, within reach. Returns the outermost point of that edge along the face span (so a
 * leaning border is covered whole), or the default growth when there is none (faded ghosts).
 */
interface Edge {
  /** Where the edge crosses the middle of the face span, 4 px out past the border. */
  at: number;
  /** Its lean, px per px along it (0 for the default growth). */
  slope: number;
  /** The middle of the span it was judged along. */
  mid: number;
  /** Whether a border was seen, or `at` is only the default growth. */
  found: boolean;
}

/**
 * How much darker the image is outside a candidate edge than inside it (mean grey over the edge's
 * span, 4–7 px either side, outward taken away from the face): past the 2–4 px ramp over which
 * `edgeStrength` first sees the step.
 */
function darkerOutside(
  g: Gray,
  side: Side,
  at: number,
  from: number,
  to: number,
  slope: number,
): number {
  const out = side === 'left' || side === 'top' ? -1 : 1;
  let sum = 0;
  let n = 0;
  alongEdge(g, side, at, [from, to], slope, 7, (px) => {
    for (const d of [4, 5, 6, 7]) sum += px(-out * d) - px(out * d);
    n += 4;
  });
  return n === 0 ? 0 : sum / n;
}

/** Inside a portrait, dark clothing below a light background is this much darker (grey levels). */
const CLOTHING_STEP = 40;

function snapEdge(
  g: Gray,
  face: Box,
  side: Side,
  reach: number,
  fallback: number,
  nearest = reach * 0.1,
  pastClothing = false,
): Edge {
  const horizontal = side === 'left' || side === 'right';
  // Judge the edge along the whole face span and a bit beyond: a portrait border is continuous
  // there, while the ragged left edge of a text column has gaps between its lines.
  const pad = 0.15 * Math.max(face.width, face.height);
  const [from, to] = horizontal
    ? [face.y - pad, face.y + face.height + pad]
    : [face.x - pad, face.x + face.width + pad];
  const start = {
    left: face.x,
    right: face.x + face.width,
    top: face.y,
    bottom: face.y + face.height,
  }[side];
  const dir = side === 'left' || side === 'top' ? -1 : 1;
  const limit = horizontal ? g.width - 1 : g.height - 1;
  const mid = (from + to) / 2;
  // Nearest continuous edge: hairline and shoulders are curved and fail the continuity test,
  // while a text column beyond the portrait can look like an edge too.
  const search = (first: number): Edge | undefined => {
    for (let step = Math.round(first); step <= Math.round(reach); step++) {
      const at = Math.round(start + dir * step);
      if (at <= 0 || at >= limit) break;
      for (const slope of SLOPES) {
        // The step is measured 2–4 px either side: go 4 px out so the border itself is covered.
        if (edgeStrength(g, side, at, Math.round(from), Math.round(to), slope) >= 0.8)
          return { at: at + dir * 4, slope, mid, found: true };
      }
    }
    return undefined;
  };
  const edge = search(nearest);
  if (edge && pastClothing) {
    // A straight, much darker band just past the edge is clothing against the portrait's light
    // background (a plain dark top drawn flat across), not the card outside: its own far edge
    // within reach is the border (a licence portrait was cut at the shirt's top).
    const at = edge.at - dir * 4;
    const step = darkerOutside(g, side, at, Math.round(from), Math.round(to), edge.slope);
    const further = step >= CLOTHING_STEP ? search(Math.abs(at - start) + 8) : undefined;
    if (further) return further;
  }
  if (edge) return edge;
  const at = Math.max(0, Math.min(limit + 1, start + dir * fallback));
  return { at, slope: 0, mid, found: false };
}

/**
 * The outermost point of a leaning edge over the portrait's whole span (`lo` to `hi` across it):
 * a border that leans reaches furthest out at the portrait's corners, not beside the face.
 */
function outermost(edge: Edge, side: Side, lo: number, hi: number): number {
  const dir = side === 'left' || side === 'top' ? -1 : 1;
  const half = Math.max(edge.mid - lo, hi - edge.mid);
  return edge.at + dir * Math.abs(edge.slope) * half;
}

/**
 * A ghost image's frame around its detected face, clipped to a `width` × `height` image. Ghost
 * images fade out (no border to find) and are small: a generous fixed frame, with room for hair
 * above and the shoulders below (a detector's box on a faint print sits high, on forehead and
 * eyes; in a photo taken in perspective its top edge also leans), costs little. The face
 * detector's box on a faint print can be as little as 55 % of the portrait's width (0.48 on a
 * licence photographed at 20°).
 */
export function ghostFrame(face: Box, width: number, height: number): Box {
  const s = Math.max(face.width, face.height);
  return clampBox(
    {
      x: face.x - 0.5 * s,
      y: face.y - 0.75 * s,
      width: face.width + 1.0 * s,
      height: face.height + 1.8 * s,
    },
    width,
    height,
  );
}

/** The printed portrait around a detected face, in gray-image pixels. */
export function growFaceToPortrait(g: Gray, face: Box, faint = false): Box {
  if (faint) return ghostFrame(face, g.width, g.height);
  const s = Math.max(face.width, face.height);
  // The detector's box already spans most of a passport portrait: look only a little further.
  const edges = {
    // Without a visible border (a light photo background on a light card) the growth is the
    // portrait's usual margin around a detector's face box: ICAO 9303 puts the head at 50–60 %
    // of the photo's width and crown to chin at 70–80 % of its height.
    left: snapEdge(g, face, 'left', 0.4 * s, 0.22 * s),
    right: snapEdge(g, face, 'right', 0.4 * s, 0.22 * s),
    // Above the brows lie forehead and hair: a fringe's straight edge there is no border.
    top: snapEdge(g, face, 'top', 0.5 * s, 0.35 * s, 0.2 * s),
    // Below the chin a passport photo always shows neck and shoulders (ICAO 9303 puts the chin
    // well above the lower edge): the border is sought beyond them, never at the shoulders'
    // curve.
    bottom: snapEdge(g, face, 'bottom', 0.7 * s, 0.5 * s, 0.2 * s, true),
  };
  // A side border out of reach while the opposite one was seen is sought again as far as the
  // widest portrait from that one: the model's box on a grey licence portrait lay off the head's
  // centre, 16 px from the border on its right and 58 px from the one on its left, where the
  // default growth stopped, and a third of the portrait stayed readable with no warning.
  if (edges.right.found && !edges.left.found)
    edges.left = snapEdge(g, face, 'left', face.x - edges.right.at + WIDEST * s, 0.22 * s);
  else if (edges.left.found && !edges.right.found)
    edges.right = snapEdge(
      g,
      face,
      'right',
      edges.left.at + WIDEST * s - face.x - face.width,
      0.22 * s,
    );
  const { left: l, right: r, top: t, bottom: b } = edges;
  // A top or bottom border too faint to see (a light photo background on a light card) is placed
  // by the portrait's shape from the one seen opposite: ICAO 9303's 35 × 45 mm, 1.29 tall to wide.
  // The width is the sides seen or their default growth, which errs wide, so the black errs tall.
  // The head is centred in a portrait (ICAO 9303): a side border too faint to see lies at least
  // as far from the face as the one seen opposite (the default growth fell short of a licence
  // photo's pale background beside the face).
  // With top and bottom both seen, the portrait's shape gives its width too; a portrait printed a
  // little squarer than 35 × 45 mm is still covered (the detector's face box is not always
  // centred on the head: an ID card's portrait lost 3 % at a side lost in glare).
  const wide = t.found && b.found ? (b.at - t.at) / SQUAREST_PORTRAIT : 0;
  if (l.found && !r.found)
    r.at = Math.max(r.at, face.x + face.width + (face.x - l.at), l.at + wide);
  if (r.found && !l.found)
    l.at = Math.min(l.at, face.x - (r.at - face.x - face.width), r.at - wide);
  const tall = PORTRAIT_ASPECT * (r.at - l.at);
  if (!t.found && b.found) t.at = Math.min(t.at, b.at - tall);
  if (!b.found && t.found) b.at = Math.max(b.at, t.at + tall);
  // Each leaning border is covered out to the portrait's corners, where the others meet it.
  const left = outermost(l, 'left', t.at, b.at);
  const right = outermost(r, 'right', t.at, b.at);
  const top = outermost(t, 'top', l.at, r.at);
  const bottom = outermost(b, 'bottom', l.at, r.at);
  return clampBox(
    { x: left, y: top, width: right - left, height: bottom - top },
    g.width,
    g.height,
  );
}
