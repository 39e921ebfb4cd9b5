import sharp from 'sharp';
import type { Point } from '../../shared/regions.ts';
import type { SyntheticSide } from './documents.ts';
import { randomHolder } from './holder.ts';
import { randomPrintStyle } from './print-style.ts';
import { createRng, type Rng } from './prng.ts';
import { drawSide, scanned, type RealisticFile } from './realistic.ts';
import { corners, type TruthPolygon } from './variants.ts';

/** The two-sided holdout's own seed, measured only (as the other holdouts). */
export const TWO_SIDED_HOLDOUT_SEED = 16_180;

export type TwoSidedLayout = 'row' | 'column';

export interface TwoSidedArrangement {
  /** Front beside (row) or above (column) the back, each card `cardHeight` px high. */
  layout: TwoSidedLayout;
  cardHeight: number;
  gap: number;
  margin: number;
}

/** Both sides on one white image, and where each side's points land on it. */
async function arrange(
  front: SyntheticSide,
  back: SyntheticSide,
  a: TwoSidedArrangement,
): Promise<{ side: SyntheticSide; secrets: TruthPolygon[]; keep: TruthPolygon[] }> {
  const placed: { side: SyntheticSide; left: number; top: number; scale: number }[] = [];
  let left = a.margin;
  let top = a.margin;
  let width = 0;
  let height = 0;
  for (const side of [front, back]) {
    const scale = a.cardHeight / side.height;
    const w = Math.round(side.width * scale);
    placed.push({ side, left, top, scale });
    width = Math.max(width, left + w + a.margin);
    height = Math.max(height, top + a.cardHeight + a.margin);
    if (a.layout === 'row') left += w + a.gap;
    else top += a.cardHeight + a.gap;
  }
  const inputs = await Promise.all(
    placed.map(async (p) => ({
      input: await sharp(p.side.png)
        .resize({ width: Math.round(p.side.width * p.scale), height: a.cardHeight })
        .toBuffer(),
      left: p.left,
      top: p.top,
    })),
  );
  const png = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite(inputs)
    .png()
    .toBuffer();
  const truth = (pick: (s: SyntheticSide) => SyntheticSide['secrets']): TruthPolygon[] =>
    placed.flatMap((p) =>
      pick(p.side)
        .map(corners)
        .map((t) => ({
          ...t,
          polygon: t.polygon.map((q: Point) => ({
            x: p.left + q.x * p.scale,
            y: p.top + q.y * p.scale,
          })),
        })),
    );
  return {
    side: { png, width, height, secrets: [], keep: [], mrzLines: [] },
    secrets: truth((s) => s.secrets),
    keep: truth((s) => s.keep),
  };
}

/**
 * A card's front and back side by side on one small white image, `cardHeight` pixels high, as
 * specimen sites and some scanners' "ID card copy" modes give them (the arg0s specimens,
 * 702 × 220).
 */
export async function sideBySide(
  front: SyntheticSide,
  back: SyntheticSide,
  cardHeight: number,
  name: string,
) {
  const gap = Math.round(cardHeight * 0.04);
  const margin = Math.round(cardHeight * 0.03);
  const { side, secrets, keep } = await arrange(front, back, {
    layout: 'row',
    cardHeight,
    gap,
    margin,
  });
  return { name, bytes: side.png, secrets, keep };
}

const CARDS = ['nl-id', 'be-id'] as const;
/** An ID-1 card is 54 mm high and 85.6 mm wide. */
const CARD_MM = { width: 85.6, height: 54 };

/**
 * Identity cards given front and back on one image, both sides on it: a small file of the two
 * side by side or one above the other (a specimen site's, a phone's "ID copy" export; 180–420 px
 * a card high), or both laid on a flatbed at 150–300 dpi, a few millimetres to two centimetres
 * apart, the pair slightly skewed. Half of them printed in a style of their own. Every secret and
 * identity field of both sides is scored.
 */
export async function twoSidedCorpus(count: number, seed: number): Promise<RealisticFile[]> {
  const rng = createRng(seed);
  const files: RealisticFile[] = [];
  for (let i = 0; i < count; i++) {
    const holder = randomHolder(rng);
    const card = rng.pick(CARDS);
    const mm = rng.pick([9, 10, 12]);
    const style = rng.next() < 0.5 ? randomPrintStyle(createRng(seed * 104_729 + i)) : undefined;
    const draw = (which: 'front' | 'back', r: Rng) =>
      drawSide(`${card}-${which}`, holder, mm, seed + i, r, style);
    // Both sides of one card: the same numbers on each (the draw's stream starts alike).
    const [front, back] = await Promise.all([
      draw('front', createRng(seed * 7919 + i)),
      draw('back', createRng(seed * 7919 + i)),
    ]);
    const layout = rng.pick(['row', 'column'] as const);
    const capture = rng.next() < 0.5 ? ('clean' as const) : ('scan' as const);
    let out: { bytes: Buffer; map: (p: Point) => Point };
    let pair: Awaited<ReturnType<typeof arrange>>;
    if (capture === 'clean') {
      const cardHeight = rng.int(180, 420);
      const gap = Math.round(cardHeight * rng.pick([0.02, 0.05, 0.1]));
      pair = await arrange(front.side, back.side, { layout, cardHeight, gap, margin: gap });
      const jpeg = rng.next() < 0.5;
      const bytes = jpeg
        ? await sharp(pair.side.png)
            .jpeg({ quality: rng.int(75, 92) })
            .toBuffer()
        : pair.side.png;
      out = { bytes, map: (p) => p };
    } else {
      // Drawn at the cards' own scale, laid on the flatbed as one piece.
      const cardHeight = front.side.height;
      const gapMm = rng.int(3, 20);
      const gap = Math.round((gapMm * cardHeight) / CARD_MM.height);
      pair = await arrange(front.side, back.side, { layout, cardHeight, gap, margin: 0 });
      const mmWide = (pair.side.width * CARD_MM.height) / cardHeight;
      out = await scanned(pair.side, mmWide, rng);
    }
    const map = (t: TruthPolygon) => ({ ...t, polygon: t.polygon.map(out.map) });
    files.push({
      name: `${card}-both-${layout}-${i}-${capture}`,
      docType: `${card}-both`,
      capture,
      orientation: 'square',
      outline: [
        { x: 0, y: 0 },
        { x: pair.side.width, y: 0 },
        { x: pair.side.width, y: pair.side.height },
        { x: 0, y: pair.side.height },
      ].map(out.map),
      bytes: out.bytes,
      secrets: pair.secrets.map(map),
      keep: pair.keep.map(map),
    });
  }
  return files;
}
