import sharp from 'sharp';
import type { Point, RegionKind } from '../../shared/regions.ts';
import type { Rng } from './prng.ts';
import type { SyntheticSide, TruthRegion } from './documents.ts';

/** A rendered test file with ground truth as polygons in its displayed pixels. */
export interface TruthPolygon {
  kind: RegionKind;
  polygon: Point[];
  field?: string;
}
export interface VariantFile {
  name: string;
  bytes: Buffer;
  secrets: TruthPolygon[];
  keep: TruthPolygon[];
}

export type VariantKind =
  'clean' | 'scan' | 'photo' | 'exif' | 'small' | 'upside-down' | 'sideways';

/** A truth box as the polygon of its corners (identity fields keep their name). */
export function corners(t: TruthRegion): TruthPolygon {
  const { x, y, width: w, height: h } = t.box;
  return {
    kind: t.kind,
    field: t.field,
    polygon: [
      { x, y },
      { x: x + w, y },
      { x: x + w, y: y + h },
      { x, y: y + h },
    ],
  };
}

function mapAll(list: TruthPolygon[], f: (p: Point) => Point): TruthPolygon[] {
  return list.map((t) => ({ kind: t.kind, polygon: t.polygon.map(f) }));
}

/** Scan: the card on a white A4 page at 300 dpi, somewhere on the page. */
async function onPage(side: SyntheticSide, rng: Rng) {
  const W = 2480;
  const H = 3508;
  const scale = Math.min(1, (W * 0.7) / side.width);
  const doc = await sharp(side.png)
    .resize({ width: Math.round(side.width * scale) })
    .png()
    .toBuffer();
  const left = rng.int(60, Math.max(61, W - Math.round(side.width * scale) - 60));
  const top = rng.int(60, 900);
  const bytes = await sharp({ create: { width: W, height: H, channels: 3, background: '#fbfbf8' } })
    .composite([{ input: doc, left, top }])
    .withMetadata({ density: 300 })
    .jpeg({ quality: 85 })
    .toBuffer();
  return { bytes, map: (p: Point) => ({ x: left + p.x * scale, y: top + p.y * scale }) };
}

/** Phone photo: slight tilt, busy background, uneven light, JPEG noise. */
async function asPhoto(side: SyntheticSide, rng: Rng) {
  const angle = (rng.next() - 0.5) * 6;
  const rotated = await sharp(side.png)
    .rotate(angle, { background: '#6b4f3a' })
    .png()
    .toBuffer({ resolveWithObject: true });
  const rad = (angle * Math.PI) / 180;
  const cx = side.width / 2;
  const cy = side.height / 2;
  const margin = 80;
  const W = rotated.info.width + 2 * margin;
  const H = rotated.info.height + 2 * margin;
  const clutter = Array.from(
    { length: 25 },
    () =>
      `<rect x="${rng.int(0, W)}" y="${rng.int(0, H)}" width="${rng.int(20, 200)}" height="${rng.int(5, 60)}" fill="rgb(${rng.int(60, 200)},${rng.int(40, 160)},${rng.int(30, 120)})" opacity="0.6"/>`,
  ).join('');
  const light = `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.25"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#g)"/>`;
  const bg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="#6b4f3a"/>${clutter}</svg>`,
  );
  const shade = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${light}</svg>`,
  );
  const bytes = await sharp(bg)
    .composite([{ input: rotated.data, left: margin, top: margin }, { input: shade }])
    .jpeg({ quality: 72 })
    .toBuffer();
  const map = (p: Point) => {
    const dx = p.x - cx;
    const dy = p.y - cy;
    return {
      x: margin + rotated.info.width / 2 + dx * Math.cos(rad) - dy * Math.sin(rad),
      y: margin + rotated.info.height / 2 + dx * Math.sin(rad) + dy * Math.cos(rad),
    };
  };
  return { bytes, map };
}

/** Camera file stored sideways with EXIF orientation 6: the loader must turn it upright. */
async function withExifRotation(side: SyntheticSide) {
  const stored = await sharp(side.png).rotate(270).jpeg({ quality: 90 }).toBuffer();
  const bytes = await sharp(stored)
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
  return { bytes, map: (p: Point) => p };
}

export async function renderVariant(
  side: SyntheticSide,
  kind: VariantKind,
  rng: Rng,
  name: string,
): Promise<VariantFile> {
  const secrets = side.secrets.map(corners);
  const keep = side.keep.map(corners);
  let out: { bytes: Buffer; map: (p: Point) => Point };
  if (kind === 'scan') out = await onPage(side, rng);
  else if (kind === 'photo') out = await asPhoto(side, rng);
  else if (kind === 'exif') out = await withExifRotation(side);
  else if (kind === 'upside-down') {
    out = {
      bytes: await sharp(side.png).rotate(180).jpeg({ quality: 88 }).toBuffer(),
      map: (p) => ({ x: side.width - p.x, y: side.height - p.y }),
    };
  } else if (kind === 'sideways') {
    // Turned a quarter clockwise, with no EXIF tag to say so.
    out = {
      bytes: await sharp(side.png).rotate(90).jpeg({ quality: 88 }).toBuffer(),
      map: (p) => ({ x: side.height - p.y, y: p.x }),
    };
  } else if (kind === 'small') {
    const k = 0.55;
    out = {
      bytes: await sharp(side.png)
        .resize({ width: Math.round(side.width * k) })
        .jpeg({ quality: 80 })
        .toBuffer(),
      map: (p) => ({ x: p.x * k, y: p.y * k }),
    };
  } else out = { bytes: await sharp(side.png).png().toBuffer(), map: (p) => p };
  return {
    name: `${name}-${kind}`,
    bytes: out.bytes,
    secrets: mapAll(secrets, out.map),
    keep: mapAll(keep, out.map),
  };
}
