import { describe, expect, it } from 'vitest';
import { growFaceToPortrait } from '../../../../../electron/core/pipeline/find/portrait-border.ts';
import type { Gray } from '../../../../../electron/core/pipeline/vision/gray.ts';

/** Light page with a darker portrait rectangle at (x, y, w, h). */
function page(
  width: number,
  height: number,
  portrait: { x: number; y: number; w: number; h: number },
): Gray {
  const data = new Uint8Array(width * height).fill(235);
  for (let y = portrait.y; y < portrait.y + portrait.h; y++) {
    for (let x = portrait.x; x < portrait.x + portrait.w; x++) data[y * width + x] = 205;
  }
  return { data, width, height };
}

describe('portrait growth', () => {
  it('snaps from the face box out to the printed portrait border', () => {
    const g = page(600, 400, { x: 40, y: 60, w: 150, h: 175 });
    const grown = growFaceToPortrait(g, { x: 65, y: 110, width: 100, height: 100 });
    expect(grown.x).toBeLessThanOrEqual(40);
    expect(grown.x).toBeGreaterThan(30);
    expect(grown.x + grown.width).toBeGreaterThanOrEqual(190);
    expect(grown.x + grown.width).toBeLessThan(200);
    expect(grown.y).toBeLessThanOrEqual(60);
    expect(grown.y + grown.height).toBeGreaterThanOrEqual(235);
    expect(grown.y + grown.height).toBeLessThan(245);
  });

  it('places a border too faint to see by the portrait’s shape, from the three it sees', () => {
    // A light photo background on a light card: the portrait's top 50 px do not stand out.
    const g = page(600, 500, { x: 100, y: 150, w: 150, h: 143 });
    const grown = growFaceToPortrait(g, { x: 125, y: 150, width: 100, height: 100 });
    const bottom = grown.y + grown.height;
    expect(bottom).toBeGreaterThanOrEqual(293);
    // ICAO 9303's 45 × 35 mm: the top lies 1.29 widths above the bottom (here at y ≈ 100).
    expect(grown.y).toBeLessThanOrEqual(101);
    expect(grown.y).toBeGreaterThan(80);
  });

  it('places a faint top by the portrait’s shape when only one side is seen', () => {
    // The right border is lost too (here: the dark runs off the page), as on a tilted licence.
    const g = page(600, 500, { x: 100, y: 150, w: 500, h: 143 });
    const grown = growFaceToPortrait(g, { x: 125, y: 150, width: 100, height: 100 });
    // Left border seen at 100, right at its default growth (247): the top 1.29 widths above the
    // bottom, well above the fixed growth's 115.
    expect(grown.y).toBeLessThanOrEqual(105);
    expect(grown.y).toBeGreaterThan(85);
  });

  it('places a side border too faint to see as far from the face as the one seen opposite', () => {
    // The portrait's pale background runs into the card on the right: no border there.
    const g = page(600, 400, { x: 40, y: 60, w: 560, h: 240 });
    const grown = growFaceToPortrait(g, { x: 70, y: 120, width: 100, height: 100 });
    // The left border lies 30 px from the face; the head is centred, so the right one lies at
    // least as far (the fixed growth alone stopped at 192).
    expect(grown.x).toBeLessThanOrEqual(40);
    expect(grown.x + grown.width).toBeGreaterThanOrEqual(200);
    expect(grown.x + grown.width).toBeLessThan(215);
  });

  it('places a side border lost in glare by the portrait’s shape when the face is off-centre', () => {
    const g = page(600, 400, { x: 40, y: 60, w: 150, h: 195 });
    // Glare brightens the left, fading over 100 px: the left border no longer stands out.
    for (let y = 0; y < 400; y++)
      for (let x = 0; x < 100; x++)
        g.data[y * 600 + x] = Math.min(255, g.data[y * 600 + x]! + 100 - x);
    // The face box sits nearer the right border than the left.
    const grown = growFaceToPortrait(g, { x: 80, y: 100, width: 100, height: 100 });
    expect(grown.x).toBeLessThanOrEqual(40);
    expect(grown.x).toBeGreaterThan(25);
  });

  it('seeks a side border further when the face box lies off the head, near the other', () => {
    // Seed 101 nl-licence-front-80-phone: the box 16 px from the right border, 58 px from the left.
    const g = page(600, 400, { x: 100, y: 60, w: 170, h: 220 });
    const grown = growFaceToPortrait(g, { x: 158, y: 110, width: 96, height: 96 });
    expect(grown.x).toBeLessThanOrEqual(100);
    expect(grown.x).toBeGreaterThan(90);
    expect(grown.x + grown.width).toBeGreaterThanOrEqual(270);
  });

  it('takes a straight fringe just above the brows for hair, not for the border', () => {
    const g = page(600, 500, { x: 100, y: 110, w: 160, h: 200 });
    // A dark fringe across the forehead, 8 px above the face box.
    for (let y = 135; y < 142; y++) for (let x = 110; x < 250; x++) g.data[y * 600 + x] = 90;
    const grown = growFaceToPortrait(g, { x: 130, y: 150, width: 100, height: 100 });
    expect(grown.y).toBeLessThanOrEqual(110);
  });

  it('takes a dark top drawn flat across the portrait for clothing, not for the bottom border', () => {
    const g = page(600, 400, { x: 40, y: 60, w: 150, h: 200 });
    // A plain dark shirt from 25 px below the chin down to the portrait's lower border.
    for (let y = 235; y < 260; y++) for (let x = 40; x < 190; x++) g.data[y * 600 + x] = 70;
    const grown = growFaceToPortrait(g, { x: 65, y: 110, width: 100, height: 100 });
    expect(grown.y + grown.height).toBeGreaterThanOrEqual(260);
    expect(grown.y + grown.height).toBeLessThan(270);
  });

  it('falls back to a fixed growth when the portrait has no visible border', () => {
    const g = page(600, 400, { x: 0, y: 0, w: 0, h: 0 });
    const grown = growFaceToPortrait(g, { x: 200, y: 100, width: 100, height: 100 });
    expect(grown.x).toBeLessThan(200);
    expect(grown.width).toBeGreaterThan(100);
    expect(grown.width).toBeLessThan(150);
  });
});
