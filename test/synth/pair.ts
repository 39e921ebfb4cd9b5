import sharp from 'sharp';
import type { Point } from '../../shared/regions.ts';
import type { SyntheticSide } from './documents.ts';
import { corners, type TruthPolygon, type VariantFile } from './variants.ts';

/** White around and between the sides, as a fraction of their height. */
const MARGIN = 0.03;
const GAP = 0.04;

/**
 * A card's front and back side by side on one small image, `height` pixels high: how specimen
 * sites and some scanners' "ID card copy" modes give them (the arg0s specimens, 702 × 220).
 */
export async function sideBySide(
  front: SyntheticSide,
  back: SyntheticSide,
  height: number,
  name: string,
): Promise<VariantFile> {
  const margin = Math.round(MARGIN * height);
  const cardHeight = height - 2 * margin;
  const placed: { side: SyntheticSide; left: number; scale: number; width: number }[] = [];
  let left = margin;
  for (const side of [front, back]) {
    const scale = cardHeight / side.height;
    const width = Math.round(side.width * scale);
    placed.push({ side, left, scale, width });
    left += width + Math.round(GAP * height);
  }
  const width = left - Math.round(GAP * height) + margin;
  const inputs = await Promise.all(
    placed.map(async (p) => ({
      input: await sharp(p.side.png).resize({ width: p.width, height: cardHeight }).toBuffer(),
      left: p.left,
      top: margin,
    })),
  );
  const bytes = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite(inputs)
    .png()
    .toBuffer();
  const truth = (pick: (s: SyntheticSide) => SyntheticSide['secrets']): TruthPolygon[] =>
    placed.flatMap((p) =>
      pick(p.side)
        .map(corners)
        .map((t) => ({
          ...t,
          polygon: t.polygon.map((q: Point): Point => ({
            x: p.left + q.x * p.scale,
            y: margin + q.y * p.scale,
          })),
        })),
    );
  return { name, bytes, secrets: truth((s) => s.secrets), keep: truth((s) => s.keep) };
}
