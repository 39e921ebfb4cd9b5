import { describe, expect, it } from 'vitest';
import { findGhostByTemplate } from '../../../../../electron/core/pipeline/find/ghost.ts';
import type { Gray } from '../../../../../electron/core/pipeline/vision/gray.ts';

/** A page with a patterned "portrait" and, optionally, a faded half-size copy of it. */
function page(withGhost: boolean): Gray {
  const w = 300;
  const h = 200;
  const data = new Uint8Array(w * h).fill(240);
  const pattern = (u: number, v: number) =>
    Math.hypot(u - 0.5, v - 0.42) < 0.28 ? 90 : v > 0.8 ? 60 : 200;
  for (let y = 20; y < 120; y++)
    for (let x = 20; x < 100; x++) data[y * w + x] = pattern((x - 20) / 80, (y - 20) / 100);
  if (withGhost) {
    // Half size, contrast cut to a third: faint, like a printed ghost image.
    for (let y = 120; y < 170; y++) {
      for (let x = 220; x < 260; x++)
        data[y * w + x] = 240 - (240 - pattern((x - 220) / 40, (y - 120) / 50)) / 3;
    }
  }
  return { data, width: w, height: h };
}

describe('ghost image by template', () => {
  const photo = { x: 20, y: 20, width: 80, height: 100 };
  it('finds a faded, smaller copy of the portrait', () => {
    const match = findGhostByTemplate(page(true), photo);
    expect(match!.score).toBeGreaterThan(0.8);
    expect(match!.box.x).toBeGreaterThanOrEqual(215);
    expect(match!.box.x).toBeLessThanOrEqual(225);
    expect(match!.box.y).toBeGreaterThanOrEqual(115);
  });
  it('scores low when there is no copy', () => {
    const match = findGhostByTemplate(page(false), photo);
    expect(match?.score ?? 0).toBeLessThan(0.6);
  });
});
