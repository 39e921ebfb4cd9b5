import { describe, expect, it } from 'vitest';
import {
  applyHomography,
  homography,
  invertHomography,
  quadThrough,
  uprightCorners,
} from '../../shared/homography.ts';

const seen = [
  { x: 130, y: 95 },
  { x: 610, y: 60 },
  { x: 655, y: 400 },
  { x: 100, y: 380 },
];

describe('projective maps', () => {
  it('takes four corners exactly onto four others', () => {
    const h = homography(uprightCorners(856, 540), seen);
    uprightCorners(856, 540).forEach((p, i) => {
      const q = applyHomography(h, p);
      expect(q.x).toBeCloseTo(seen[i]?.x ?? NaN, 6);
      expect(q.y).toBeCloseTo(seen[i]?.y ?? NaN, 6);
    });
  });

  it('undoes itself: a point carried there and back lands where it started', () => {
    const h = homography(uprightCorners(856, 540), seen);
    const back = invertHomography(h);
    for (const p of [
      { x: 0, y: 0 },
      { x: 400, y: 270 },
      { x: 855, y: 12 },
      { x: -30, y: 600 },
    ]) {
      const q = applyHomography(back, applyHomography(h, p));
      expect(q.x).toBeCloseTo(p.x, 6);
      expect(q.y).toBeCloseTo(p.y, 6);
    }
  });

  it('keeps straight lines straight: a box comes back as a quadrilateral on the same lines', () => {
    const h = homography(uprightCorners(856, 540), seen);
    const q = quadThrough(h, { x: 100, y: 50, width: 300, height: 80 });
    // The midpoint of the box's top edge lands on the line between its mapped corners.
    const mid = applyHomography(h, { x: 250, y: 50 });
    const cross = (q[1].x - q[0].x) * (mid.y - q[0].y) - (q[1].y - q[0].y) * (mid.x - q[0].x);
    expect(Math.abs(cross) / Math.hypot(q[1].x - q[0].x, q[1].y - q[0].y)).toBeLessThan(1e-6);
  });
});
