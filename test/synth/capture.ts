import sharp from 'sharp';
import { applyHomography, homography, uprightCorners } from '../../shared/homography.ts';
import { warpInto } from '../../electron/core/pipeline/vision/warp.ts';
import type { Point } from '../../shared/regions.ts';
import type { Rng } from './prng.ts';

/** The surfaces people put an ID on to photograph it. */
export const SURFACES = ['wood', 'fabric', 'stone', 'dark', 'paper'] as const;
export type Surface = (typeof SURFACES)[number];

/** How a phone photo of a document was taken. */
export interface PhotoCapture {
  /** Clockwise tilt of the document in the frame, degrees. */
  angle: number;
  /** Perspective: how much shorter the far edge looks than the near one (0–0.15). */
  perspective: number;
  /**
   * Perspective across the document: how much shorter its right edge looks than its left
   * (negative: the left shorter), as when the phone is held off to one side. Unset or 0: only
   * the far edge is foreshortened.
   */
  sideLean?: number;
  surface: Surface;
  /** A bright reflection somewhere on the document. */
  glare: boolean;
  /** Camera shake or focus, Gaussian sigma in px (0 = sharp). */
  blur: number;
  /** Sensor noise amplitude, grey levels. */
  noise: number;
  quality: number;
  /**
   * How the camera framed it: the photo's long side in pixels and the share of it the document's
   * long side takes, placed off centre by `offset` (each −1 to 1). Unset: the document lies in the
   * middle with a fixed margin of table round it, at its rendered size.
   */
  framing?: { long: number; fill: number; offset: Point };
  /** The room's light, beside the gradient and glare every photo has. Unset: neutral, no shadow. */
  light?: RoomLight;
}

/**
 * Light a room gives a photo: a colour cast (a warm lamp, a cool window; channel gains, 1 = none)
 * and the soft shadow of the phone or hand held over the table, the frame darkened beyond a line
 * through `through` (share of the frame, 0–1) at `angle` degrees, by `depth` (0–1).
 */
export interface RoomLight {
  cast: [number, number, number];
  shadow?: { through: Point; angle: number; depth: number };
}

/** A room's light, drawn from its own stream: a cast on most photos, a shadow on some. */
export function randomLight(rng: Rng): RoomLight {
  const cast = rng.pick<[number, number, number]>([
    [1, 1, 1],
    [1.04, 0.94, 0.78],
    [1.02, 0.9, 0.7],
    [0.88, 0.97, 1.06],
    [0.95, 1.02, 0.92],
  ]);
  const shadow =
    rng.next() < 0.4
      ? {
          through: { x: 0.3 + 0.4 * rng.next(), y: 0.3 + 0.4 * rng.next() },
          angle: rng.next() * 360,
          depth: 0.25 + 0.3 * rng.next(),
        }
      : undefined;
  return { cast, shadow };
}

export function randomCapture(rng: Rng, maxAngle = 20): PhotoCapture {
  return {
    angle: (rng.next() * 2 - 1) * maxAngle,
    perspective: rng.next() * 0.12,
    surface: rng.pick([...SURFACES]),
    glare: rng.next() < 0.4,
    blur: rng.pick([0, 0, 0.6, 1.0]),
    noise: rng.pick([0, 4, 8]),
    quality: rng.int(60, 92),
  };
}

function surfaceSvg(surface: Surface, w: number, h: number, rng: Rng): string {
  const shapes: string[] = [];
  const base = {
    wood: '#8a6240',
    fabric: '#4f5d73',
    stone: '#9a9690',
    dark: '#26282c',
    paper: '#f2f1ec',
  }[surface];
  if (surface === 'wood')
    for (let y = 0; y < h; y += rng.int(4, 14))
      shapes.push(
        `<rect x="0" y="${y}" width="${w}" height="${rng.int(1, 4)}" fill="#5e3f26" opacity="${(0.2 + rng.next() * 0.4).toFixed(2)}"/>`,
      );
  if (surface === 'fabric')
    for (let x = 0; x < w + h; x += 6)
      shapes.push(
        `<line x1="${x}" y1="0" x2="${x - h}" y2="${h}" stroke="#6b7a92" stroke-width="2" opacity="0.5"/>`,
      );
  if (surface === 'stone')
    for (let i = 0; i < 900; i++)
      shapes.push(
        `<circle cx="${rng.int(0, w)}" cy="${rng.int(0, h)}" r="${rng.int(1, 5)}" fill="${rng.pick(['#6f6b66', '#c9c5bd', '#85817a'])}"/>`,
      );
  // A pen, a phone, a receipt: things that lie on tables.
  for (let i = 0; i < 4; i++)
    shapes.push(
      `<rect x="${rng.int(0, w)}" y="${rng.int(0, h)}" width="${rng.int(40, 260)}" height="${rng.int(8, 60)}" rx="6" fill="${rng.pick(['#222', '#d33', '#eee', '#2a5'])}" opacity="0.8"/>`,
    );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="${base}"/>${shapes.join('')}</svg>`;
}

/** The longest table drawn at full size (see `photograph`). */
const SURFACE_LONG = 2400;

/**
 * Where the document's corners land in the photo: its far (top) edge shortened by the perspective,
 * turned by the angle, and scaled and placed as the camera framed it. A document that would stick
 * out of the frame is made smaller until it fits (its fields must all be in the picture to score).
 */
function placeInFrame(W: number, H: number, capture: PhotoCapture) {
  const inset = (capture.perspective * W) / 2;
  const a = (capture.angle * Math.PI) / 180;
  const corners = [
    { x: inset, y: capture.perspective * H * 0.3 },
    { x: W - inset, y: capture.perspective * H * 0.3 },
    { x: W, y: H },
    { x: 0, y: H },
  ];
  const lean = capture.sideLean ?? 0;
  if (lean !== 0) {
    // The far side's corners drawn toward its middle and inward, as the far edge is above.
    const far = lean > 0 ? [1, 2] : [0, 3];
    const q = Math.abs(lean);
    const ends = far.map((i) => corners[i]!);
    const mid = (ends[0]!.y + ends[1]!.y) / 2;
    for (const p of ends) {
      p.y = mid + (p.y - mid) * (1 - q);
      p.x += Math.sign(-lean) * q * W * 0.3;
    }
  }
  // Turned about the document's centre, scaled by k and centred on (cx, cy); at k = 1 the same
  // arithmetic as before framing existed, so older corpora stay the same to the bit.
  const place = (cx: number, cy: number, k: number) =>
    corners.map((p) => {
      const dx = k * (p.x - W / 2);
      const dy = k * (p.y - H / 2);
      return {
        x: cx + dx * Math.cos(a) - dy * Math.sin(a),
        y: cy + dx * Math.sin(a) + dy * Math.cos(a),
      };
    });
  const f = capture.framing;
  if (!f) {
    const margin = Math.round(0.18 * Math.max(W, H));
    const cw = W + 2 * margin;
    const ch = H + 2 * margin;
    return { cw, ch, quad: place(cw / 2, ch / 2, 1) };
  }
  // A phone's 4:3 frame, held the way the document lies.
  const cw = Math.round(f.long);
  const ch = Math.round((f.long * 3) / 4);
  const turned = place(0, 0, 1);
  const xs = turned.map((p) => p.x);
  const ys = turned.map((p) => p.y);
  const [left, right, top, bottom] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const k = Math.min((f.fill * cw) / W, (0.98 * cw) / (right - left), (0.98 * ch) / (bottom - top));
  // The document's bounds (perspective leaves them off its centre) centred, then moved off centre
  // by the offset's share of the room left.
  const cx =
    cw / 2 - (k * (left + right)) / 2 + ((f.offset.x * (cw - k * (right - left))) / 2) * 0.95;
  const cy =
    ch / 2 - (k * (top + bottom)) / 2 + ((f.offset.y * (ch - k * (bottom - top))) / 2) * 0.95;
  return { cw, ch, quad: place(cx, cy, k) };
}

/**
 * The soft-edged shadow of a `RoomLight`, as a PNG overlay of the frame's size. Drawn at an
 * eighth of the size and enlarged: the enlargement softens its edge as a penumbra does, and a
 * blur at full size of a 12 MP frame took seconds.
 */
async function shadowOverlay(
  cw: number,
  ch: number,
  shadow: NonNullable<RoomLight['shadow']>,
): Promise<Buffer> {
  const w = Math.max(8, Math.round(cw / 8));
  const h = Math.max(8, Math.round(ch / 8));
  const a = (shadow.angle * Math.PI) / 180;
  const [dx, dy] = [Math.cos(a), Math.sin(a)];
  const p = { x: shadow.through.x * w, y: shadow.through.y * h };
  const L = 2 * (w + h);
  const corners = [
    [p.x - dx * L, p.y - dy * L],
    [p.x + dx * L, p.y + dy * L],
    [p.x + dx * L - dy * L, p.y + dy * L + dx * L],
    [p.x - dx * L - dy * L, p.y - dy * L + dx * L],
  ];
  const points = corners.map(([x, y]) => `${x!.toFixed(1)},${y!.toFixed(1)}`).join(' ');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><polygon points="${points}" fill="#0a0c14" fill-opacity="${shadow.depth.toFixed(2)}"/></svg>`;
  const small = await sharp(Buffer.from(svg)).blur(1.5).png().toBuffer();
  return sharp(small).resize(cw, ch, { fit: 'fill', kernel: 'cubic' }).png().toBuffer();
}

/**
 * A phone photo of a rendered document: tilted, seen in perspective, on a table, with uneven
 * light, maybe glare, blur and noise, saved as JPEG. `map` takes a point of the document to the
 * photo, for exact ground truth.
 */
export async function photograph(
  png: Buffer,
  capture: PhotoCapture,
  rng: Rng,
): Promise<{ bytes: Buffer; map: (p: Point) => Point }> {
  const { data: src, info } = await sharp(png)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const W = info.width;
  const H = info.height;
  const { cw, ch, quad } = placeInFrame(W, H, capture);
  const corners = uprightCorners(W, H);
  const forward = homography(corners, quad);
  const inverse = homography(quad, corners);
  // The table of a large camera frame is drawn at most SURFACE_LONG long and enlarged: librsvg
  // blends each translucent stroke over the whole canvas, minutes at 12 MP.
  const k = Math.max(1, Math.max(cw, ch) / SURFACE_LONG);
  const svg = surfaceSvg(capture.surface, Math.round(cw / k), Math.round(ch / k), rng);
  let table = sharp(Buffer.from(svg)).removeAlpha();
  if (k > 1) table = sharp(await table.png().toBuffer()).resize(cw, ch, { fit: 'fill' });
  const bg = await table.raw().toBuffer();
  const out = Buffer.from(bg);
  warpInto({ data: src, width: W, height: H, dpi: null }, inverse, {
    data: out,
    width: cw,
    height: ch,
    dpi: null,
  });
  if (capture.noise > 0)
    for (let i = 0; i < out.length; i++)
      out[i] = Math.max(0, Math.min(255, out[i]! + (rng.next() * 2 - 1) * capture.noise));
  const gx = rng.int(0, cw);
  const gy = rng.int(0, ch);
  const light = `<svg xmlns="http://www.w3.org/2000/svg" width="${cw}" height="${ch}"><defs>
    <linearGradient id="l" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.22"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></linearGradient>
    <radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="0.85"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
    <rect width="${cw}" height="${ch}" fill="url(#l)"/>
    ${capture.glare ? `<ellipse cx="${gx}" cy="${gy}" rx="${cw * 0.12}" ry="${ch * 0.08}" fill="url(#g)"/>` : ''}</svg>`;
  const shadow = capture.light?.shadow;
  let img = sharp(out, { raw: { width: cw, height: ch, channels: 3 } }).composite([
    { input: Buffer.from(light) },
    ...(shadow ? [{ input: await shadowOverlay(cw, ch, shadow) }] : []),
  ]);
  const cast = capture.light?.cast;
  if (cast && cast.some((g) => g !== 1))
    img = sharp(await img.png().toBuffer()).linear(cast, [0, 0, 0]);
  if (capture.blur > 0) img = sharp(await img.png().toBuffer()).blur(capture.blur);
  const bytes = await img.jpeg({ quality: capture.quality }).toBuffer();
  return { bytes, map: (p) => applyHomography(forward, p) };
}
