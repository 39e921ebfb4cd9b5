import { describe, expect, it } from 'vitest';
import { locateMrzCandidates } from '../../../../../electron/core/pipeline/find/mrz-locate.ts';
import type { Gray } from '../../../../../electron/core/pipeline/vision/gray.ts';

const W = 1000;
const H = 600;

function page(): Gray {
  return { data: new Uint8Array(W * H).fill(235), width: W, height: H };
}

function fill(g: Gray, x: number, y: number, w: number, h: number, v = 20): void {
  for (let yy = y; yy < y + h; yy++) g.data.fill(v, yy * W + x, yy * W + x + w);
}

/** A line of 44 character-like blocks, 12 px tall at a 14 px pitch: an MRZ line's shape. */
function printLine(g: Gray, x: number, y: number): void {
  for (let i = 0; i < 44; i++) fill(g, x + i * 14, y, 9, 12);
}

describe('MRZ band proposals', () => {
  it('proposes two stacked lines of characters as one band', () => {
    const g = page();
    printLine(g, 100, 450);
    printLine(g, 100, 480);
    const [best] = locateMrzCandidates(g);
    expect(best?.lines).toHaveLength(2);
    expect(best!.band.x).toBeLessThanOrEqual(100);
  });

  it('takes a blacked-out region for what it is, not for lines of print along its rims', () => {
    const g = page();
    fill(g, 100, 400, 300, 120, 0);
    expect(locateMrzCandidates(g)).toEqual([]);
  });

  it("leaves out a line far longer than any MRZ line for its height (a table's grain)", () => {
    const g = page();
    fill(g, 20, 300, 960, 6);
    expect(locateMrzCandidates(g)).toEqual([]);
  });

  it('leaves out solid bars of an MRZ line’s size: ruled lines, the edges of stripes', () => {
    const g = page();
    // Three thin grey bars, 300 × 5 px, stacked as an MRZ's lines are, but inked all along.
    for (const y of [420, 440, 460]) fill(g, 100, y, 300, 5, 120);
    expect(locateMrzCandidates(g)).toEqual([]);
  });

  it("stacks a visa's two lines standing nearly three line heights apart", () => {
    const g = page();
    printLine(g, 100, 450);
    printLine(g, 100, 495);
    const [best] = locateMrzCandidates(g);
    expect(best?.lines).toHaveLength(2);
  });

  it('ranks an MRZ above a security print smeared into bars across the page', () => {
    const g = page();
    // Three bars of guilloche across the page near the top, 14 to 18 times as long as high.
    for (const [y, h] of [
      [20, 70],
      [120, 55],
      [200, 60],
    ] as const)
      for (let x = 0; x < W; x += 6) fill(g, x, y, 4, h);
    printLine(g, 100, 450);
    printLine(g, 100, 495);
    const [best] = locateMrzCandidates(g);
    expect(best?.band.y).toBeGreaterThanOrEqual(440);
  });

  it('ranks an MRZ across the page above a stack of three short lines of print', () => {
    const g = page();
    // An open booklet's facing page: three lines of 25 characters, higher up.
    for (const y of [300, 325, 350]) for (let i = 0; i < 25; i++) fill(g, 100 + i * 14, y, 9, 12);
    // The MRZ, nearly as wide as the photo: two lines of 44 characters at a 19 px pitch.
    for (const y of [450, 480]) for (let i = 0; i < 44; i++) fill(g, 80 + i * 19, y, 13, 16);
    const [best] = locateMrzCandidates(g);
    expect(best?.lines).toHaveLength(2);
    expect(best!.band.y).toBeGreaterThanOrEqual(440);
  });
  it('proposes an MRZ whole when a shadow falls across part of it', () => {
    const g = page();
    for (const y of [420, 450, 480]) printLine(g, 100, y);
    // A shadow's edge running down and across the lines: right of it, paper and ink alike keep
    // a third of their light, and the print there is a third as dark against its paper.
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++)
        if (x > 300 + 0.5 * y) g.data[y * W + x] = Math.round(g.data[y * W + x]! / 3);
    const [best] = locateMrzCandidates(g);
    expect(best?.lines).toHaveLength(3);
    expect(best!.band.width).toBeGreaterThanOrEqual(14 * 43);
  });
});
