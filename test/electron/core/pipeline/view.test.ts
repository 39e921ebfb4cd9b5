import { describe, expect, it } from 'vitest';
import {
  cutsThroughText,
  keptPlan,
  outlineView,
  seeView,
  shownPart,
} from '../../../../electron/core/pipeline/view.ts';
import { warpInto } from '../../../../electron/core/pipeline/vision/warp.ts';
import type { RawImage } from '../../../../electron/core/pipeline/raw-image.ts';
import {
  applyHomography,
  homography,
  invertHomography,
  quadThrough,
  uprightCorners,
  type Quad,
} from '../../../../shared/homography.ts';
import type { Box, Point } from '../../../../shared/regions.ts';

/** A flat card of `w` × `h` with a red square marker whose centre is known. */
function card(w: number, h: number, marker: Box): RawImage {
  const data = Buffer.alloc(w * h * 3, 235);
  for (let y = marker.y; y < marker.y + marker.height; y++)
    for (let x = marker.x; x < marker.x + marker.width; x++)
      data.set([220, 10, 10], (y * w + x) * 3);
  return { data, width: w, height: h, dpi: null };
}

/** Centre of the red pixels. */
function redCentre(img: RawImage): Point {
  let [sx, sy, n] = [0, 0, 0];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      if ((img.data[i] ?? 0) > 150 && (img.data[i + 1] ?? 255) < 90)
        [sx, sy, n] = [sx + x + 0.5, sy + y + 0.5, n + 1];
    }
  return { x: sx / n, y: sy / n };
}

/** The card seen on a grey 1000 × 800 photo through `quad` (its corners there). */
function photographed(src: RawImage, quad: Quad): RawImage {
  const out: RawImage = {
    data: Buffer.alloc(1000 * 800 * 3, 90),
    width: 1000,
    height: 800,
    dpi: null,
  };
  warpInto(src, homography(quad, uprightCorners(src.width, src.height)), out);
  return out;
}

const WARPS: [string, Quad][] = [
  [
    'turned 15°',
    [
      { x: 240, y: 120 },
      { x: 807, y: 272 },
      { x: 716, y: 611 },
      { x: 149, y: 459 },
    ],
  ],
  [
    'in perspective',
    [
      { x: 210, y: 180 },
      { x: 790, y: 150 },
      { x: 860, y: 560 },
      { x: 150, y: 600 },
    ],
  ],
  [
    'perspective and turned',
    [
      { x: 300, y: 90 },
      { x: 840, y: 260 },
      { x: 700, y: 640 },
      { x: 120, y: 420 },
    ],
  ],
];

describe('looking at a document upright', () => {
  it.each(WARPS)(
    'maps a box found in the upright view back onto the %s field within 1 px',
    async (_, quad) => {
      const marker = { x: 600, y: 80, width: 120, height: 60 };
      const src = card(856, 540, marker);
      const photo = photographed(src, quad);
      const plan = outlineView({ quad, alone: false }, photo);
      const view = await seeView(photo, plan);
      if (plan.kind !== 'rectified') throw new Error('a rectified plan');
      // What a finder would report in the view: the marker's box around its centre, the card
      // standing upright at its own size there.
      const c = redCentre(view.image);
      const sx = plan.outline.width / 856;
      const sy = plan.outline.height / 540;
      const found = quadThrough(view.toImage, {
        x: c.x - (marker.width * sx) / 2,
        y: c.y - (marker.height * sy) / 2,
        width: marker.width * sx,
        height: marker.height * sy,
      });
      // The marker's true corners on the photo, straight from the warp that made it.
      const toPhoto = homography(uprightCorners(856, 540), quad);
      const truth = quadThrough(toPhoto, marker);
      found.forEach((p, i) => {
        expect(Math.abs(p.x - (truth[i]?.x ?? NaN)), `corner ${i} x`).toBeLessThan(1);
        expect(Math.abs(p.y - (truth[i]?.y ?? NaN)), `corner ${i} y`).toBeLessThan(1);
      });
    },
  );

  it('keeps the whole photo in the view, and shows a card alone on its table on paper when asked', async () => {
    const quad = WARPS[2]?.[1] as Quad;
    const photo = photographed(card(856, 540, { x: 0, y: 0, width: 1, height: 1 }), quad);
    const plan = outlineView({ quad, alone: true }, photo);
    if (plan.kind !== 'rectified') throw new Error('a rectified plan');
    const grey = (img: RawImage, p: Point) =>
      img.data[(Math.floor(p.y) * img.width + Math.floor(p.x)) * 3];
    const whole = await seeView(photo, plan);
    const paper = await seeView(photo, plan, true);
    const beside = await seeView(photo, outlineView({ quad, alone: false }, photo), true);
    // The photo's corners (the table) are all in the view, grey as photographed.
    const back = invertHomography(whole.toImage);
    for (const corner of [
      { x: 2, y: 2 },
      { x: 997, y: 2 },
      { x: 997, y: 797 },
      { x: 2, y: 797 },
    ]) {
      const p = applyHomography(back, corner);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThan(whole.image.width);
      expect(p.y).toBeLessThan(whole.image.height);
      expect(grey(whole.image, p)).toBe(90);
      expect(grey(paper.image, p)).toBe(255);
      // Something else printed beside the document: it is searched too, never papered over.
      expect(grey(beside.image, p)).toBe(90);
    }
    // The card itself is the same on both.
    const middle = {
      x: plan.outline.x + plan.outline.width / 2,
      y: plan.outline.y + plan.outline.height / 2,
    };
    expect(grey(paper.image, middle)).toBe(grey(whole.image, middle));
    expect(grey(paper.image, middle)).toBe(235);
  });
});

describe('a view that cuts through the document', () => {
  const VIEW = { x: 0, y: 0, width: 1165, height: 1644 };
  const at = (x: number, y: number, width: number, text: string) => ({
    box: { x, y, width, height: 45 },
    text,
  });

  it('is told by lines of print running into its edge', () => {
    // Seed 17 nl-id-back-147: an outline on part of a card; the MRZ ran off the view's left.
    const lines = [
      at(0, 913, 743, '3BWV68576592730<<<<<<'),
      at(0, 995, 742, '102085NLD<<<<<<<<<<<?'),
      at(400, 500, 200, 'Utrecht'),
    ];
    expect(cutsThroughText(lines, VIEW)).toBe(true);
  });

  it("is not told by the table's texture at its edge, nor by one line", () => {
    const lines = [
      at(0, 136, 409, '='),
      at(0, 1348, 418, '_—'),
      at(1100, 600, 65, 'Nederla ndse'),
      at(0, 913, 743, '3BWV68576592730<<<<<<'),
      at(300, 995, 742, '102085NLD<<<<<<<<<<<<'),
    ];
    expect(cutsThroughText(lines, VIEW)).toBe(false);
  });

  it('is told on a view of a document alone by print running into the paper round it', () => {
    // A view of a card alone shows it on white past its outline and margin: print cut by an
    // outline on part of the card ends there, not at the view's edge.
    const plan = {
      kind: 'rectified' as const,
      toImage: [1, 0, 0, 0, 1, 0, 0, 0, 1],
      width: 1600,
      height: 1200,
      outline: { x: 300, y: 200, width: 500, height: 320 },
      alone: true,
    };
    const shown = shownPart(plan);
    expect(shown.x).toBeCloseTo(285);
    expect(shown.x + shown.width).toBeCloseTo(815);
    expect(shown.y + shown.height).toBeCloseTo(529.6);
    const right = 815 - 450;
    const lines = [at(450, 300, right, 'BURGEMEESTER1'), at(450, 380, right, 'XA7DK0LU4KLM')];
    expect(cutsThroughText(lines, shown)).toBe(true);
    // With anything else on the table the whole view is shown, and the same print ends inside it.
    expect(shownPart({ ...plan, alone: false })).toEqual({ x: 0, y: 0, width: 1600, height: 1200 });
    expect(cutsThroughText(lines, shownPart({ ...plan, alone: false }))).toBe(false);
  });
});

describe('the plan kept for a view turned by the text’s tilt', () => {
  const image = card(400, 300, { x: 10, y: 10, width: 4, height: 4 });
  const toImage = homography(uprightCorners(400, 300), uprightCorners(400, 300));

  it('is the document’s upright view when the document was cut out of plain paper in it', () => {
    const outline = { x: 50, y: 40, width: 300, height: 190 };
    const kept = keptPlan({ kind: 'turned', skew: 2 }, { image, toImage }, outline);
    expect(kept).toEqual({
      kind: 'rectified',
      toImage,
      width: 400,
      height: 300,
      outline,
      alone: false,
    });
  });

  it('stays a turn when the document fills the view, and a warped view stays as it is', () => {
    const whole = { x: 0, y: 0, width: 400, height: 300 };
    const turned = { kind: 'turned' as const, skew: 2 };
    expect(keptPlan(turned, { image, toImage }, whole)).toBe(turned);
    const warped = outlineView({ quad: uprightCorners(300, 190), alone: true }, image);
    expect(keptPlan(warped, { image, toImage }, { ...whole, width: 200 })).toBe(warped);
  });
});
