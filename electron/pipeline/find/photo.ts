import { clampBox, overlapRatio, type Box } from '../../../shared/regions.ts';
import type { Gray } from '../vision/gray.ts';
import type { FaceBox } from './faces.ts';

export interface PhotoFinding {
  kind: 'photo' | 'ghost_photo';
  box: Box;
  confidence: number;
}

type Side = 'left' | 'right' | 'top' | 'bottom';

/**
 * Share of positions along a candidate edge line where brightness steps across it. Each side is
 * averaged over 3 px, so faint borders (light photo background on a light page) still count.
 */
function edgeStrength(g: Gray, side: Side, at: number, from: number, to: number): number {
  let strong = 0;
  let total = 0;
  const horizontal = side === 'left' || side === 'right';
  const px = (u: number, v: number) => g.data[horizontal ? v * g.width + u : u * g.width + v] ?? 0;
  const span = horizontal ? g.width : g.height;
  if (at < 4 || at >= span - 4) return 0;
  for (let t = Math.max(0, from); t < Math.min(to, horizontal ? g.height : g.width); t++) {
    const before = (px(at - 2, t) + px(at - 3, t) + px(at - 4, t)) / 3;
    const after = (px(at + 2, t) + px(at + 3, t) + px(at + 4, t)) / 3;
    total++;
    if (Math.abs(before - after) >= 7) strong++;
  }
  return total === 0 ? 0 : strong / total;
}

/**
 * Finds the printed portrait's border: a straight, continuous edge parallel to the face box side,
 * within reach. Returns the default growth when there is none (faded ghost images).
 */
function snapEdge(g: Gray, face: Box, side: Side, reach: number, fallback: number): number {
  const horizontal = side === 'left' || side === 'right';
  const [from, to] = horizontal ? [face.y, face.y + face.height] : [face.x, face.x + face.width];
  const start = {
    left: face.x,
    right: face.x + face.width,
    top: face.y,
    bottom: face.y + face.height,
  }[side];
  const dir = side === 'left' || side === 'top' ? -1 : 1;
  const limit = horizontal ? g.width - 1 : g.height - 1;
  // Outermost edge within reach: the hairline and shoulders inside the portrait are edges too.
  for (let step = Math.round(reach); step >= Math.round(reach * 0.1); step--) {
    const at = Math.round(start + dir * step);
    if (at <= 0 || at >= limit) continue;
    if (edgeStrength(g, side, at, Math.round(from), Math.round(to)) >= 0.7) return at + dir;
  }
  return Math.max(0, Math.min(limit + 1, start + dir * fallback));
}

/** The printed portrait around a detected face, in gray-image pixels. */
export function growFaceToPortrait(g: Gray, face: Box): Box {
  const s = Math.max(face.width, face.height);
  // The detector's box already spans most of a passport portrait: look only a little further.
  const left = snapEdge(g, face, 'left', 0.4 * s, 0.12 * s);
  const right = snapEdge(g, face, 'right', 0.4 * s, 0.12 * s);
  const top = snapEdge(g, face, 'top', 0.5 * s, 0.22 * s);
  const bottom = snapEdge(g, face, 'bottom', 0.3 * s, 0.12 * s);
  return clampBox(
    { x: left, y: top, width: right - left, height: bottom - top },
    g.width,
    g.height,
  );
}

/**
 * The strongest face is the holder's photo; weaker, smaller faces elsewhere are ghost images.
 * Boxes are given and returned in image pixels; `gray` is the image at `scale`.
 */
export function findPhotos(faces: readonly FaceBox[], gray: Gray, scale: number): PhotoFinding[] {
  const area = (f: FaceBox) => f.box.width * f.box.height;
  const sorted = [...faces].sort((a, b) => b.score - a.score);
  const main = sorted.filter((f) => f.score >= 0.35).sort((a, b) => area(b) - area(a))[0];
  if (!main) return [];
  const out: PhotoFinding[] = [];
  for (const face of sorted) {
    const isMain = face === main || (face.score >= 0.6 && face.box.width >= 0.8 * main.box.width);
    // Ghost images are printed smaller than the portrait; a weak face as large is a false hit.
    if (!isMain && face.box.width > 0.8 * main.box.width) continue;
    if (!isMain && face.score < 0.25) continue;
    if (out.some((p) => overlapRatio(p.box, face.box) > 0.5)) continue;
    const scaled = {
      x: face.box.x * scale,
      y: face.box.y * scale,
      width: face.box.width * scale,
      height: face.box.height * scale,
    };
    const grown = growFaceToPortrait(gray, scaled);
    out.push({
      kind: isMain ? 'photo' : 'ghost_photo',
      box: {
        x: grown.x / scale,
        y: grown.y / scale,
        width: grown.width / scale,
        height: grown.height / scale,
      },
      confidence: face.score,
    });
  }
  return out;
}
