import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeEngines, createEngines } from '../../../../electron/core/pipeline/engines.ts';
import { redactDocument } from '../../../../electron/core/pipeline/index.ts';
import { loadImage } from '../../../../electron/core/pipeline/load.ts';
import {
  boxToRect,
  rectCorners,
  shapeToPolygon,
  type Box,
  type Point,
  type RegionKind,
} from '../../../../shared/regions.ts';
import { pointInPolygon } from '../../../../shared/shapes.ts';
import { photograph, type PhotoCapture } from '../../../synth/capture.ts';
import { randomBeIdCard } from '../../../synth/be-eid.ts';
import { idCard, passportPage, type SyntheticSide } from '../../../synth/documents.ts';
import { drivingLicenceFront, randomLicenceNumber } from '../../../synth/driving-licence.ts';
import { expectSafeCopy } from '../../../helpers/expect-safe-copy.ts';
import { randomHolder } from '../../../synth/holder.ts';
import { createRng } from '../../../synth/prng.ts';

const engines = createEngines();
afterAll(() => closeEngines(engines));
const settings = { detect: true, keep: [], lang: 'nl' as const, watermark: null };

const corners = (b: Box) => rectCorners(boxToRect(b));

const docs: Record<string, SyntheticSide> = {};
beforeAll(async () => {
  const rng = createRng(2026);
  docs['NL passport'] = await passportPage(randomHolder(rng), { mm: 10, seed: 31, country: 'NLD' });
  docs['foreign passport'] = await passportPage(randomHolder(rng), {
    mm: 10,
    seed: 32,
    country: 'UTO',
  });
  const [front, back] = await idCard(randomHolder(rng), { mm: 14, seed: 33 });
  docs['NL ID card front'] = front!;
  docs['NL ID card back'] = back!;
  docs['NL driving licence'] = await drivingLicenceFront(randomHolder(rng), {
    mm: 14,
    seed: 34,
    licenceNumber: randomLicenceNumber(rng),
    ghost: true,
  });
  const beHolder = randomHolder(rng);
  const [beFront, beBack] = await randomBeIdCard(beHolder, rng, { mm: 14, seed: 35 });
  docs['BE eID front'] = beFront!;
  docs['BE eID back'] = beBack!;
});

const plain = { surface: 'wood', glare: false, blur: 0, noise: 4, quality: 85 } as const;
const CASES: [string, PhotoCapture][] = [];
const KINDS = [
  'NL passport',
  'foreign passport',
  'NL ID card front',
  'NL ID card back',
  'NL driving licence',
  'BE eID front',
  'BE eID back',
];
// Each kind turned both ways as far as a hand-held photo goes, and once warped in perspective:
// its far edge shortened and one side edge too, as a phone held above and off to one side sees it.
for (const [i, name] of KINDS.entries()) {
  for (const angle of [20, -20]) CASES.push([name, { ...plain, angle, perspective: 0 }]);
  const angle = i % 2 ? -6 : 8;
  const surface = i % 2 ? 'paper' : 'wood';
  const sideLean = i % 2 ? 0.08 : -0.08;
  CASES.push([name, { ...plain, angle, perspective: 0.1, sideLean, surface }]);
}

// Framed as people frame them: filling a 12 MP camera frame edge to edge, and small and off centre.
CASES.push([
  'NL driving licence',
  {
    ...plain,
    angle: 6,
    perspective: 0.05,
    framing: { long: 4032, fill: 0.95, offset: { x: 0.5, y: -0.5 } },
  },
]);
CASES.push([
  'NL passport',
  {
    ...plain,
    angle: -9,
    perspective: 0.05,
    framing: { long: 3000, fill: 0.35, offset: { x: -0.8, y: 0.6 } },
  },
]);

describe('documents photographed at an angle', () => {
  it.each(CASES)(
    '%s, %j: every secret black, identity fields legible',
    async (name, capture) => {
      const side = docs[name]!;
      const photo = await photograph(side.png, capture, createRng(7));
      const result = await redactDocument({ sides: [photo.bytes], settings, engines });
      const onPhoto = (t: { kind: RegionKind; box: Box }) => ({
        kind: t.kind,
        polygon: corners(t.box).map(photo.map),
      });
      expectSafeCopy(await loadImage(photo.bytes), result.sides[0]!.image, {
        name,
        secrets: side.secrets.map(onPhoto),
        keep: side.keep.map(onPhoto),
      });
    },
    120_000,
  );
});

describe('a document seen in perspective', () => {
  it('gets its MRZ blacked out as a quadrilateral that leans as the MRZ does', async () => {
    const side = docs['NL passport']!;
    const photo = await photograph(
      side.png,
      { ...plain, angle: 7, perspective: 0.12 },
      createRng(7),
    );
    const result = await redactDocument({ sides: [photo.bytes], settings, engines });
    const truth = side.secrets.find((s) => s.kind === 'mrz')!;
    const [tl, tr, br, bl] = corners(truth.box).map(photo.map) as [Point, Point, Point, Point];
    const mrz = result.sides[0]!.regions.find(
      (r) => r.kind === 'mrz' && pointInPolygon(centre([tl, tr, br, bl]), shapeToPolygon(r.shape)),
    );
    expect(mrz?.shape.type).toBe('polygon');
    const [a, b, c, d] = shapeToPolygon(mrz!.shape) as [Point, Point, Point, Point];
    // Top and bottom edges follow the MRZ's own (they differ in perspective), within half a degree.
    expect(Math.abs(lean(a, b) - lean(tl, tr))).toBeLessThan(0.5);
    expect(Math.abs(lean(d, c) - lean(bl, br))).toBeLessThan(0.5);
    // And so do its ends, which perspective turns away from square.
    expect(Math.abs(lean(a, d) - lean(tl, bl))).toBeLessThan(0.5);
    expect(Math.abs(lean(b, c) - lean(tr, br))).toBeLessThan(0.5);
  }, 120_000);
});

/** Direction of the line from p to q, degrees. */
function lean(p: Point, q: Point): number {
  return (Math.atan2(q.y - p.y, q.x - p.x) * 180) / Math.PI;
}

function centre(ps: readonly Point[]): Point {
  return {
    x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
    y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
  };
}
