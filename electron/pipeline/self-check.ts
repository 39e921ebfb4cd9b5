import { foldConfusables, looksLike } from '../../shared/numbers/ocr-confusion.ts';
import type { RegionKind } from '../../shared/regions.ts';
import type { Engines } from './engines.ts';
import { findMrz } from './find/mrz.ts';
import { readPageText } from './ocr/page.ts';
import type { Plan } from './plan.ts';
import type { RawImage } from './raw-image.ts';
import { toGray } from './vision/gray.ts';

export interface SelfCheckResult {
  ok: boolean;
  /** Kinds whose hidden value could still be read in the output. */
  leaked: RegionKind[];
}

/**
 * Reads the finished copy again, as an attacker would, and looks for every hidden value: the
 * document number, personal numbers and a readable MRZ. Kinds kept on purpose are skipped.
 */
export async function selfCheck(
  images: readonly RawImage[],
  secrets: Plan['secrets'],
  keep: readonly RegionKind[],
  engines: Engines,
): Promise<SelfCheckResult> {
  const leaked = new Set<RegionKind>();
  for (const [side, img] of images.entries()) {
    const wanted = secrets.filter(
      (s) => s.side === side && !keep.includes(s.kind) && s.kind !== 'mrz' && s.value.length >= 6,
    );
    const { gray, scale } = await toGray(img, 1000);
    const [lines, mrz] = await Promise.all([
      wanted.length ? readPageText(img, engines.ocr) : Promise.resolve([]),
      keep.includes('mrz') ? Promise.resolve(null) : findMrz(img, gray, scale, engines.ocr),
    ]);
    const words = lines.flatMap((l) => [l.text, ...l.words.map((w) => w.text)]);
    for (const secret of wanted) {
      const folded = foldConfusables(secret.value);
      if (words.some((w) => looksLike(w, secret.value) || foldConfusables(w).includes(folded)))
        leaked.add(secret.kind);
    }
    if (mrz?.info?.valid) leaked.add('mrz');
  }
  return { ok: leaked.size === 0, leaked: [...leaked] };
}
