import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../../electron/core/pipeline/find/finding.ts';
import { layoutFindings } from '../../../../../electron/core/pipeline/find/layout-zones.ts';
import type { MrzInfo } from '../../../../../shared/mrz.ts';

const dutch: MrzInfo = {
  format: 'TD3',
  documentCode: 'P',
  issuingState: 'NLD',
  documentNumber: 'NVTA5K714',
  personalNumbers: ['999999990'],
  valid: true,
};
// An MRZ band of a page at 10 px/mm: 6 mm from the left, 72 mm down.
const band = { x: 60, y: 720, width: 1118, height: 110 };
const IMAGE = { x: 0, y: 0, width: 1250, height: 880 };
const found = (kind: Finding['kind'], x: number, y: number, width: number, height: number) => ({
  kind,
  box: { x, y, width, height },
  confidence: 0.9,
  via: 'mrz-value' as const,
});
const portrait = { ...found('photo', 50, 230, 330, 420), via: 'face' as const };

describe('what the layout blacks out where nothing was found', () => {
  it('puts a Dutch passport number OCR missed where the layout prints it, and its holes', () => {
    const out = layoutFindings(band, dutch, [portrait], IMAGE, []);
    expect(out.map((f) => [f.kind, f.via])).toEqual([
      ['photo', 'face'],
      ['document_number', 'layout'],
      ['personal_number', 'layout'],
      ['document_number', 'layout'],
    ]);
    // The generator's field value (78–100 mm across, 11–14 mm down) and holes (120.5–123.7 mm
    // across, 6–29 mm down), at 10 px/mm.
    const [, field, , holes] = out.map((f) => f.box);
    expect(field!.x).toBeLessThanOrEqual(780);
    expect(field!.y).toBeLessThanOrEqual(110);
    expect(field!.y + field!.height).toBeGreaterThanOrEqual(140);
    expect(holes!.x).toBeLessThanOrEqual(1205);
    expect(holes!.x + holes!.width).toBeGreaterThanOrEqual(1237);
    // Holes printed up to 4 mm further right (an MRZ a little off ICAO's place, in varied print)
    // are still inside, where the image reaches past the page.
    const wide = { ...IMAGE, width: 1400 };
    const past = layoutFindings(band, dutch, [portrait], wide, []).map((f) => f.box)[3];
    expect(past!.x + past!.width).toBeGreaterThanOrEqual(1277);
    expect(holes!.y + holes!.height).toBeGreaterThan(290);
    expect(holes!.y + holes!.height).toBeLessThanOrEqual(band.y);
  });

  it('adds nothing for what was found in its zone', () => {
    const field = found('document_number', 790, 110, 220, 35);
    const holes = found('document_number', 1205, 60, 32, 230);
    const bsn = found('personal_number', 60, 640, 250, 35);
    const all = layoutFindings(band, dutch, [portrait, field, holes, bsn], IMAGE, []);
    expect(all.filter((f) => f.via === 'layout' || f.via === 'mrz-geometry')).toEqual([]);
    // Found elsewhere is not found in the zone: the perforation is still blacked out.
    const out = layoutFindings(band, dutch, [portrait, field, bsn], IMAGE, []);
    expect(out.filter((f) => f.via === 'layout').map((f) => f.box.x)).toEqual([1080]);
  });

  it('does not take holes found in the number field’s zone for the field’s number', () => {
    const stray = { ...found('document_number', 820, 110, 40, 30), via: 'perforation' as const };
    const bsn = found('personal_number', 60, 640, 250, 35);
    const out = layoutFindings(band, dutch, [portrait, bsn, stray], IMAGE, []);
    const field = out.find((f) => f.via === 'layout' && f.box.x < 1000);
    expect(field).toMatchObject({ kind: 'document_number' });
    expect(field!.box.x).toBeLessThanOrEqual(780);
  });

  it('blacks out the whole perforation when only some of its holes were found', () => {
    const some = { ...found('document_number', 1205, 60, 32, 110), via: 'perforation' as const };
    const field = found('document_number', 790, 110, 220, 35);
    const bsn = found('personal_number', 60, 640, 250, 35);
    const out = layoutFindings(band, dutch, [portrait, field, bsn, some], IMAGE, []).filter(
      (f) => f.kind === 'document_number',
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'document_number', via: 'perforation' });
    expect(out[0]!.box.y).toBeLessThanOrEqual(60);
    expect(out[0]!.box.y + out[0]!.box.height).toBeGreaterThan(290);
  });

  it('takes the layout from a Dutch MRZ whose number checks when another field does not', () => {
    const misread = { ...dutch, valid: false, numberValid: true };
    expect(layoutFindings(band, misread, [portrait], IMAGE, [])).toHaveLength(4);
  });

  it('takes the layout from a Dutch MRZ that fails its checks when the page shows its number again', () => {
    // A phone photo: the MRZ read with a 0 taken for an O, the number field read right.
    const misread = { ...dutch, valid: false, numberValid: false };
    const field = found('document_number', 790, 110, 220, 35);
    const out = layoutFindings(band, misread, [portrait, field], IMAGE, []);
    expect(out.map((f) => [f.kind, f.via])).toEqual([
      ['photo', 'face'],
      ['personal_number', 'layout'],
      ['document_number', 'layout'],
    ]);
    // The number matched inside the MRZ band itself is no second reading: ICAO's page only.
    const inBand = found('document_number', 100, 730, 200, 40);
    const icao = layoutFindings(band, misread, [portrait, inBand], IMAGE, []);
    expect(icao.map((f) => [f.kind, f.via])).toEqual([['photo', 'face']]);
  });

  it('guesses only the portrait of a document whose check digits are not known', () => {
    const unsure = { ...dutch, valid: false };
    // Its portrait found in ICAO's zone is covered to the zone's edges (as the face's find).
    expect(layoutFindings(band, unsure, [portrait], IMAGE, [])).toEqual([
      expect.objectContaining({ kind: 'photo', via: 'face', zone: true }),
    ]);
    const out = layoutFindings(band, unsure, [], IMAGE, []);
    expect(out.map((f) => [f.kind, f.via])).toEqual([['photo', 'mrz-geometry']]);
    expect(layoutFindings(band, { ...dutch, format: 'TD1' }, [], IMAGE, [])).toEqual([]);
  });

  it("places ICAO's number field on another state's checked passport page, not the Dutch extras", () => {
    const foreign = { ...dutch, issuingState: 'BEL' };
    const out = layoutFindings(band, foreign, [portrait], IMAGE, []);
    expect(out.map((f) => [f.kind, f.via])).toEqual([
      ['photo', 'face'],
      ['document_number', 'layout'],
    ]);
    // Found there already: nothing is added.
    const field = found('document_number', 790, 110, 220, 35);
    expect(layoutFindings(band, foreign, [portrait, field], IMAGE, [])).toHaveLength(1);
  });

  it("covers a Dutch passport's portrait to its printed edges, clear of the names beside it", () => {
    // Grown from its face, the black stopped above the shoulders and short of the left edge.
    const short = { ...portrait, box: { x: 80, y: 240, width: 290, height: 360 } };
    const bsn = found('personal_number', 60, 640, 250, 35);
    const [zone] = layoutFindings(band, dutch, [short, bsn], IMAGE, []);
    // The Dutch portrait's zone, 3–40 mm across and 15–68 mm down (the hair from 16 mm), as the
    // face's own find: no warning.
    expect(zone).toMatchObject({ kind: 'photo', via: 'face', zone: true });
    expect(zone!.box).toEqual({ x: 30, y: 150, width: 370, height: 530 });
    // A surname read 1 mm into the zone: the zone stops short of it.
    const name = {
      text: 'BROUWER',
      confidence: 90,
      box: { x: 390, y: 300, width: 160, height: 30 },
    };
    const [clear] = layoutFindings(band, dutch, [short, bsn], IMAGE, [name]);
    expect(clear!.box.x + clear!.box.width).toBeLessThan(390);
  });

  it("yields the portrait's zone to a name printed within the burn's margin beyond it", () => {
    const short = { ...portrait, box: { x: 80, y: 240, width: 290, height: 360 } };
    // The zone ends at 400 px; a given name read 2 px past it, inside the burn's 4 px margin.
    const name = { text: 'Fleur', confidence: 92, box: { x: 402, y: 340, width: 90, height: 28 } };
    const [zone] = layoutFindings(band, dutch, [short], IMAGE, [name], 4);
    expect(zone).toMatchObject({ kind: 'photo', zone: true });
    // With the burn's growth, the black still ends before the name.
    expect(zone!.box.x + zone!.box.width + 4).toBeLessThan(402);
    // Its face's middle does not yield.
    expect(zone!.box.x + zone!.box.width).toBeGreaterThan(300);
  });

  it("covers another state's portrait to the edges of ICAO's zone when its face lies there", () => {
    const foreign = { ...dutch, issuingState: 'UTO' };
    // A grey portrait on a pale ground: the black grown from its face stopped above the shoulders.
    const short = { ...portrait, box: { x: 80, y: 200, width: 250, height: 300 } };
    const [zone] = layoutFindings(band, foreign, [short], IMAGE, []).filter(
      (f) => f.kind === 'photo',
    );
    // 3–40 mm across and 16–68 mm down, as the face's own find: no warning.
    expect(zone).toMatchObject({ kind: 'photo', via: 'face', zone: true });
    expect(zone!.box).toEqual({ x: 30, y: 160, width: 370, height: 520 });
    // Its portrait found elsewhere (a state printing it at the right): its own black is all.
    const right = { ...portrait, box: { x: 850, y: 250, width: 250, height: 300 } };
    expect(layoutFindings(band, foreign, [right], IMAGE, []).map((f) => f.kind)).toEqual([
      'document_number',
    ]);
  });
});
