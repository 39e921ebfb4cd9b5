import { beforeAll, describe, expect, it } from 'vitest';
import { layoutOf, pageAroundBand, placeLayout } from '../../../shared/documents/layouts.ts';
import type { MrzInfo } from '../../../shared/mrz.ts';
import { boxArea, intersectBoxes, type Box } from '../../../shared/regions.ts';
import { randomBeIdCard } from '../../synth/be-eid.ts';
import { idCard, passportPage, type SyntheticSide } from '../../synth/documents.ts';
import { randomHolder } from '../../synth/holder.ts';
import { createRng } from '../../synth/prng.ts';

const MM = 10;
const info = (format: MrzInfo['format'], code: string, state: string): MrzInfo => ({
  format,
  documentCode: code,
  issuingState: state,
  documentNumber: null,
  personalNumbers: [],
  valid: true,
});

/** Share of `inner` that lies inside `outer`. */
const within = (inner: Box, outer: Box) => boxArea(intersectBoxes(inner, outer)) / boxArea(inner);

const sides: Record<string, { side: SyntheticSide; info: MrzInfo }> = {};
beforeAll(async () => {
  const rng = createRng(515);
  const opts = { mm: MM, seed: 9 };
  sides['Dutch passport'] = {
    side: await passportPage(randomHolder(rng), { ...opts, country: 'NLD' }),
    info: info('TD3', 'P', 'NLD'),
  };
  sides['ICAO TD3 data page'] = {
    side: await passportPage(randomHolder(rng), { ...opts, country: 'UTO' }),
    info: info('TD3', 'P', 'UTO'),
  };
  sides['Dutch identity card, back'] = {
    side: (await idCard(randomHolder(rng), opts))[1]!,
    info: info('TD1', 'I', 'NLD'),
  };
  sides['Belgian eID, back'] = {
    side: (await randomBeIdCard(randomHolder(rng), rng, opts))[1]!,
    info: info('TD1', 'ID', 'BEL'),
  };
});

describe('document layouts placed from the MRZ', () => {
  it.each([
    'Dutch passport',
    'ICAO TD3 data page',
    'Dutch identity card, back',
    'Belgian eID, back',
  ])('%s: each zone holds what the document prints there, and no identity field', (name) => {
    const { side, info: read } = sides[name]!;
    const layout = layoutOf(read);
    expect(layout?.name).toBe(name);
    const band = side.secrets.find((s) => s.kind === 'mrz')!.box;
    const placed = placeLayout(layout!, band, {
      x: 0,
      y: 0,
      width: side.width,
      height: side.height,
    });
    expect(placed).toHaveLength(layout!.items.length);
    for (const { item, box } of placed) {
      // Within tolerance: the printed item lies (almost) wholly in its zone.
      const printed = side.secrets.filter((s) => s.kind === item.kind);
      const best = Math.max(...printed.map((s) => within(s.box, box)));
      expect(best, `${item.what}`).toBeGreaterThanOrEqual(item.kind === 'photo' ? 0.75 : 0.98);
      // And the names, dates and nationality beside it stay out of it.
      for (const keep of side.keep) expect(within(keep.box, box), keep.field).toBeLessThan(0.05);
    }
  });

  it('knows a state layout only from an MRZ whose check digits hold', () => {
    expect(layoutOf({ ...info('TD3', 'P', 'NLD'), valid: false })?.name).toBe('ICAO TD3 data page');
    expect(layoutOf({ ...info('TD1', 'I', 'BEL'), valid: false })).toBeNull();
    expect(layoutOf(info('TD1', 'I', 'DEU'))).toBeNull();
    expect(layoutOf(info('TD2', 'I', 'FRA'))?.name).toBe('ICAO TD2 data page');
  });

  it('scales with the MRZ and clips to the image', () => {
    const layout = layoutOf(info('TD3', 'P', 'NLD'))!;
    // The page at 5 px/mm, its left 20 mm cut off by the image's edge.
    const band = { x: -70, y: 360, width: 559, height: 50 };
    const placed = placeLayout(layout, band, { x: 0, y: 0, width: 600, height: 440 });
    for (const { box } of placed) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(600);
    }
    const field = placed.find((p) => p.item.what === 'document number field')!.box;
    expect(field.x).toBeCloseTo(-70 + (68 - 6) * 5, 5);
    expect(field.width).toBeCloseTo(55 * 5, 5);
  });

  it("places a zone past a cut-out page's edge when the scan around it holds it", () => {
    const layout = layoutOf(info('TD3', 'P', 'NLD'))!;
    // A page cut from a scan at 5 px/mm, its right edge shaved off by the cut (the perforation
    // runs 1 mm from the page's edge): the scan reaches past the cut.
    const band = { x: 30, y: 360, width: 559, height: 50 };
    const strip = (within: { x: number; y: number; width: number; height: number }) =>
      placeLayout(layout, band, within).find((p) => p.item.what === 'perforated number')!.box;
    const cut = strip({ x: 0, y: 0, width: 610, height: 440 });
    const scan = strip({ x: -40, y: -40, width: 750, height: 600 });
    expect(cut.x + cut.width).toBe(610);
    expect(scan.x + scan.width).toBeCloseTo(30 + (131 - 6) * 5, 5);
  });

  it.each([
    'Dutch passport',
    'ICAO TD3 data page',
    'Dutch identity card, back',
    'Belgian eID, back',
  ])('%s: the page around its MRZ band is the page printed, within 3 mm', (name) => {
    const { side, info: read } = sides[name]!;
    const band = side.secrets.find((s) => s.kind === 'mrz')!.box;
    const page = pageAroundBand(read.format, band)!;
    expect(Math.abs(page.x)).toBeLessThan(3 * MM);
    expect(Math.abs(page.y)).toBeLessThan(3 * MM);
    expect(Math.abs(page.x + page.width - side.width)).toBeLessThan(3 * MM);
    expect(Math.abs(page.y + page.height - side.height)).toBeLessThan(3 * MM);
  });

  it('knows no page around a band of a format of no fixed size', () => {
    expect(pageAroundBand('DL1', { x: 0, y: 0, width: 500, height: 40 })).toBeNull();
  });
});
