import sharp from 'sharp';
import { uprightCorners } from '../../shared/homography.ts';
import type { Point } from '../../shared/regions.ts';
import { photograph, randomCapture, randomLight } from './capture.ts';
import { beIdCard, randomCardNumber, randomNationalNumber } from './be-eid.ts';
import { drivingLicenceFront, randomLicenceNumber } from './driving-licence.ts';
import { idCard, passportPage, type SyntheticSide } from './documents.ts';
import { randomHolder, type Holder } from './holder.ts';
import { createRng, type Rng } from './prng.ts';
import { randomPrintStyle, type PrintStyle } from './print-style.ts';
import { corners, type VariantFile } from './variants.ts';

/**
 * The holdout: documents made from this seed are only ever measured, never looked at while
 * changing detection. Tune on TUNING_SEED.
 */
export const HOLDOUT_SEED = 90_210;
export const TUNING_SEED = 7;
/** The varied-print holdout's own seed, measured only (as the holdout). */
export const VARIED_PRINT_HOLDOUT_SEED = 27_182;

export type Capture = 'phone' | 'scan' | 'exif-phone' | 'clean';
export type Orientation = 'square' | 'tilted' | 'sideways' | 'upside-down';

export interface RealisticFile extends VariantFile {
  docType: string;
  capture: Capture;
  orientation: Orientation;
  /** The document's corners on the file (top-left, top-right, bottom-right, bottom-left of the document). */
  outline: Point[];
}

/** Turns a file a quarter (or half) without any EXIF tag to say so; points follow. */
async function quarterTurn(bytes: Buffer, turn: 90 | 180 | 270) {
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  const out = await sharp(bytes).rotate(turn).jpeg({ quality: 88 }).toBuffer();
  const map = (p: Point): Point =>
    turn === 90
      ? { x: height - p.y, y: p.x }
      : turn === 180
        ? { x: width - p.x, y: height - p.y }
        : { x: p.y, y: width - p.x };
  return { bytes: out, map };
}

/** A flatbed scan: the card loose on A4 at 150–300 dpi, slightly skewed, anywhere on the page. */
export async function scanned(side: SyntheticSide, mmWide: number, rng: Rng) {
  const dpi = rng.pick([150, 200, 300]);
  const pxPerMm = dpi / 25.4;
  const W = Math.round(210 * pxPerMm);
  const H = Math.round(297 * pxPerMm);
  const scale = (mmWide * pxPerMm) / side.width;
  const skew = (rng.next() * 2 - 1) * 2;
  const doc = await sharp(side.png)
    .resize({ width: Math.round(side.width * scale) })
    .rotate(skew, { background: '#fbfbf8' })
    .png()
    .toBuffer({ resolveWithObject: true });
  const left = rng.int(20, Math.max(21, W - doc.info.width - 20));
  const top = rng.int(20, Math.max(21, H - doc.info.height - 20));
  const png = rng.next() < 0.3;
  const page = sharp({ create: { width: W, height: H, channels: 3, background: '#fbfbf8' } })
    .composite([{ input: doc.data, left, top }])
    .withMetadata({ density: dpi });
  const bytes = png
    ? await page.png().toBuffer()
    : await page.jpeg({ quality: rng.int(75, 92) }).toBuffer();
  const a = (skew * Math.PI) / 180;
  const sw = side.width * scale;
  const sh = side.height * scale;
  const map = (p: Point): Point => {
    const dx = p.x * scale - sw / 2;
    const dy = p.y * scale - sh / 2;
    return {
      x: left + doc.info.width / 2 + dx * Math.cos(a) - dy * Math.sin(a),
      y: top + doc.info.height / 2 + dx * Math.sin(a) + dy * Math.cos(a),
    };
  };
  return { bytes, map };
}

/** Every side `drawSide` draws. */
export const SIDE_KINDS = [
  'nl-passport',
  'foreign-passport',
  'nl-id-front',
  'nl-id-back',
  'nl-licence-front',
  'be-id-front',
  'be-id-back',
] as const;

/** One side of a document of the given kind, and its width in millimetres. */
export async function drawSide(
  docType: string,
  holder: Holder,
  mm: number,
  seed: number,
  rng: Rng,
  style?: PrintStyle,
): Promise<{ side: SyntheticSide; mmWide: number }> {
  if (docType.endsWith('passport')) {
    const country = docType === 'nl-passport' ? 'NLD' : 'UTO';
    return { side: await passportPage(holder, { mm, seed, country, style }), mmWide: 125 };
  }
  if (docType === 'nl-licence-front') {
    const licenceNumber = randomLicenceNumber(rng);
    const ghost = rng.next() < 0.5;
    return {
      side: await drivingLicenceFront(holder, { mm, seed, licenceNumber, ghost, style }),
      mmWide: 85.6,
    };
  }
  if (docType.startsWith('be-id')) {
    const nationalNumber = randomNationalNumber(holder, rng);
    const cardNumber = randomCardNumber(rng);
    const [front, back] = await beIdCard(holder, { mm, seed, nationalNumber, cardNumber, style });
    return { side: docType === 'be-id-front' ? front : back, mmWide: 85.6 };
  }
  const [front, back] = await idCard(holder, { mm, seed, style });
  return { side: (docType === 'nl-id-front' ? front : back) as SyntheticSide, mmWide: 85.6 };
}

/**
 * Documents as people send them: mostly phone photos (tilted up to ±20°, in perspective, on
 * tables, glare, blur, noise, JPEG 60–92, now and then a quarter turn off), flatbed scans of a
 * card on A4, camera files stored sideways with an EXIF tag, and a few clean renders. With
 * `variedPrint`, each document is printed in a style of its own (fields and portraits moved,
 * other typefaces and sizes, grey portraits), drawn from a stream of its own so that every other
 * draw is what it is without.
 */
export async function realisticCorpus(
  count: number,
  seed: number,
  opts: { variedPrint?: boolean } = {},
): Promise<RealisticFile[]> {
  const rng = createRng(seed);
  const files: RealisticFile[] = [];
  for (let i = 0; files.length < count; i++) {
    const holder = randomHolder(rng);
    const firstPick = rng.pick(['nl-passport', 'foreign-passport', 'nl-id-front', 'nl-id-back']);
    // 9–14 px per mm: a phone filling the frame down to a document small in it.
    const mm = rng.pick([9, 10, 12, 14]);
    // The kinds added later draw from their own stream, so the documents of the first four
    // kinds (and every capture) stay what they were for the same seed.
    const extra = createRng(seed * 7919 + i);
    const docType =
      extra.next() < 0.4
        ? extra.pick(['nl-licence-front', 'be-id-front', 'be-id-back'])
        : firstPick;
    const style = opts.variedPrint ? randomPrintStyle(createRng(seed * 104_729 + i)) : undefined;
    const { side, mmWide } = await drawSide(docType, holder, mm, seed + i, extra, style);
    const roll = rng.next();
    const capture: Capture =
      roll < 0.55 ? 'phone' : roll < 0.8 ? 'scan' : roll < 0.9 ? 'exif-phone' : 'clean';
    let orientation: Orientation = 'square';
    let out: { bytes: Buffer; map: (p: Point) => Point };
    if (capture === 'clean') out = { bytes: side.png, map: (p) => p };
    else if (capture === 'scan') out = await scanned(side, mmWide, rng);
    else {
      // Held off to one side too (one side edge shorter), in a room's light (a colour cast, a
      // shadow across), from the document's own stream.
      const shot = {
        ...randomCapture(rng, 20),
        sideLean: (extra.next() * 2 - 1) * 0.1,
        light: randomLight(extra),
      };
      orientation = Math.abs(shot.angle) >= 3 ? 'tilted' : 'square';
      out = await photograph(side.png, shot, rng);
      if (capture === 'exif-phone') {
        // Stored sideways with EXIF orientation 6: the file's pixels are turned, the tag undoes it.
        const stored = await sharp(out.bytes).rotate(270).jpeg({ quality: 90 }).toBuffer();
        out = {
          bytes: await sharp(stored)
            .withMetadata({ orientation: 6 })
            .jpeg({ quality: 90 })
            .toBuffer(),
          map: out.map,
        };
      } else if (rng.next() < 0.2) {
        const turn = rng.pick([90, 180, 270] as const);
        const turned = await quarterTurn(out.bytes, turn);
        const inner = out.map;
        out = { bytes: turned.bytes, map: (p) => turned.map(inner(p)) };
        orientation = turn === 180 ? 'upside-down' : 'sideways';
      }
    }
    files.push({
      name: `${docType}-${i}-${capture}`,
      docType,
      capture,
      orientation,
      outline: uprightCorners(side.width, side.height).map(out.map),
      bytes: out.bytes,
      secrets: side.secrets.map(corners).map((t) => ({ ...t, polygon: t.polygon.map(out.map) })),
      keep: side.keep.map(corners).map((t) => ({ ...t, polygon: t.polygon.map(out.map) })),
    });
  }
  return files;
}
