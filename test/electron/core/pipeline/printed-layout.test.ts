import { describe, expect, it } from 'vitest';
import type { DocumentIdentity } from '../../../../shared/documents/identify.ts';
import type { Finding } from '../../../../electron/core/pipeline/find/finding.ts';
import { printedLayoutFindings } from '../../../../electron/core/pipeline/printed-layout.ts';
import type { SideDetection } from '../../../../electron/core/pipeline/side-detection.ts';
import type { MrzInfo } from '../../../../shared/mrz.ts';
import { line } from '../../../helpers/ocr-lines.ts';

const DUTCH_PASSPORT: DocumentIdentity = { family: 'passport', country: 'NLD', by: 'shape' };
// A page of 125 × 88 mm at 10 px/mm in a view 200 px larger all round, 100 px right and 50 px
// down of the image (the view's pixel (x, y) is the image's (x + 100, y + 50)).
const OUTLINE = { x: 200, y: 200, width: 1250, height: 880 };
const TO_IMAGE = [1, 0, 100, 0, 1, 50, 0, 0, 1];
const portrait: Finding = {
  kind: 'photo',
  box: { x: 350, y: 470, width: 330, height: 420 },
  confidence: 0.9,
  via: 'face',
};

function side(over: Partial<SideDetection> = {}): SideDetection {
  return {
    findings: [portrait],
    mrz: null,
    lines: [],
    outline: { x: 0, y: 0, width: 1850, height: 1480 },
    view: {
      kind: 'rectified',
      toImage: TO_IMAGE,
      width: 1650,
      height: 1280,
      outline: OUTLINE,
      alone: true,
    },
    timings: {},
    ...over,
  };
}

describe('the layout of a document told by its print, placed from its outline', () => {
  it("blacks out a Dutch passport's perforated number and fields where its MRZ was not read", () => {
    const out = printedLayoutFindings(side(), DUTCH_PASSPORT);
    expect(out.every((f) => f.zone && f.via === (f.kind === 'photo' ? 'face' : 'layout'))).toBe(
      true,
    );
    const holes = out.find((f) => f.kind === 'document_number' && f.box.height > f.box.width);
    // The generator's holes: 120.5–123.7 mm across, 6–29 mm down; in image pixels.
    expect(holes).toBeDefined();
    expect(holes!.box.x).toBeLessThanOrEqual(200 + 1205 + 100);
    expect(holes!.box.x + holes!.box.width).toBeGreaterThanOrEqual(200 + 1237 + 100);
    expect(holes!.box.y).toBeLessThanOrEqual(200 + 60 + 50);
    expect(holes!.box.y + holes!.box.height).toBeGreaterThanOrEqual(200 + 290 + 50);
    expect(holes!.shape).toHaveLength(4);
    // The portrait was found: its zone only takes the black to its printed edges, as the face's
    // own find (no warning that it was placed).
    expect(out.filter((f) => f.kind === 'photo').map((f) => f.via)).toEqual(['face']);
  });

  it('adds nothing where the MRZ was read with its check digits (its own layout applies)', () => {
    const read = { valid: true } as MrzInfo;
    const mrz = { box: { x: 0, y: 0, width: 1, height: 1 }, lines: [], info: read };
    expect(printedLayoutFindings(side({ mrz }), DUTCH_PASSPORT)).toEqual([]);
  });

  it("places a licence's portrait only on the side whose title reads at its top", () => {
    const licence: DocumentIdentity = { family: 'driving_licence', country: 'NLD', by: 'words' };
    // A card 856 × 540 px in its view, number found, no face.
    const card = { ...side().view!, outline: { x: 100, y: 100, width: 856, height: 540 } } as const;
    const number: Finding = { ...portrait, kind: 'document_number', via: 'licence-field-5' };
    const front = side({ view: card, findings: [number], lines: [line(130, 'RIJBEWIJS')] });
    const placed = printedLayoutFindings(front, licence);
    expect(placed.map((f) => [f.kind, f.via])).toEqual([['photo', 'layout']]);
    // A card read upside down, or its back (no title): nothing placed.
    const foot = side({ view: card, findings: [number], lines: [line(600, 'RIJBEWIJS')] });
    expect(printedLayoutFindings(foot, licence)).toEqual([]);
    expect(printedLayoutFindings(side({ view: card, findings: [number] }), licence)).toEqual([]);
  });

  it("places a licence's portrait when the face found lies clear of it (its ghost image)", () => {
    const licence: DocumentIdentity = { family: 'driving_licence', country: 'NLD', by: 'words' };
    const card = { ...side().view!, outline: { x: 100, y: 100, width: 856, height: 540 } } as const;
    // The small ghost printed at the card's right, 68 mm across and 33 mm down, in the image's
    // pixels (the view's, 100 px right and 50 px down): a grey portrait the model did not see.
    const ghost: Finding = { ...portrait, box: { x: 880, y: 480, width: 120, height: 150 } };
    const lines = [line(130, 'RIJBEWIJS')];
    const placed = printedLayoutFindings(side({ view: card, findings: [ghost], lines }), licence);
    expect(placed.map((f) => [f.kind, f.via])).toEqual([['photo', 'layout']]);
    // Its zone, 2.5–28.5 mm across and 11–47 mm down the card, on the image.
    expect(placed[0]!.box.x).toBeCloseTo(100 + 25 + 100, 0);
    expect(placed[0]!.box.y).toBeCloseTo(100 + 110 + 50, 0);
    // A face found on the portrait's zone is the portrait: its zone is no warning.
    const face: Finding = { ...portrait, box: { x: 300, y: 320, width: 150, height: 180 } };
    const seen = printedLayoutFindings(side({ view: card, findings: [face], lines }), licence);
    expect(seen.map((f) => [f.kind, f.via])).toEqual([['photo', 'face']]);
  });

  it("places a licence's portrait on a card lying sideways, in the card turned upright", () => {
    // Varied seed 39 nl-licence-front-79-phone: a licence photographed on its side read upright
    // once turned, its drawn portrait unseen by the face model, and the portrait stayed readable.
    const licence: DocumentIdentity = { family: 'driving_licence', country: 'NLD', by: 'words' };
    // The card, 54 × 85.6 mm at 10 px/mm, lies on its side: its top at the image's left, its
    // title running up the image; turned a quarter clockwise it reads upright.
    const title = { text: 'RIJBEWIJS', box: { x: 60, y: 500, width: 20, height: 120 } };
    const lines = [{ ...title, words: [{ ...title, confidence: 90 }], confidence: 90 }];
    const number: Finding = {
      ...portrait,
      kind: 'document_number',
      via: 'licence-field-5',
      box: { x: 300, y: 300, width: 20, height: 100 },
    };
    const card = { x: 30, y: 40, width: 540, height: 856 };
    const lying = side({ view: null, outline: card, findings: [number], lines, turn: 90 });
    const placed = printedLayoutFindings(lying, licence);
    expect(placed.map((f) => [f.kind, f.via])).toEqual([['photo', 'layout']]);
    // Its zone, 2.5–28.5 mm along the card's top and 11–47 mm down from it: on the image, 11–47
    // mm right of the card's left edge and 2.5–28.5 mm up from its foot.
    const b = placed[0]!.box;
    expect(b.x).toBeCloseTo(30 + 110, 0);
    expect(b.x + b.width).toBeCloseTo(30 + 470, 0);
    expect(b.y).toBeCloseTo(40 + 856 - 285, 0);
    expect(b.y + b.height).toBeCloseTo(40 + 856 - 25, 0);
    // Turned the other way, its title reads at the card's foot: nothing placed.
    expect(printedLayoutFindings({ ...lying, turn: 270 }, licence)).toEqual([]);
  });

  it('adds nothing for documents whose layout is not known without an MRZ', () => {
    const belgian: DocumentIdentity = { family: 'passport', country: 'BEL', by: 'words' };
    const german: DocumentIdentity = { family: 'id_card', country: 'DEU', by: 'words' };
    expect(printedLayoutFindings(side(), belgian)).toEqual([]);
    expect(printedLayoutFindings(side(), german)).toEqual([]);
  });

  describe("a Dutch or Belgian identity card's front looked at as it lies (a scan, a file of it)", () => {
    const dutch: DocumentIdentity = { family: 'id_card', country: 'NLD', by: 'words' };
    // The card's bounds on the image: 85.6 × 54 mm at 10 px/mm, 40 px right and 30 px down.
    const card = { x: 40, y: 30, width: 856, height: 540 };
    const number: Finding = { ...portrait, kind: 'document_number', via: 'nl-pattern' };
    const front = (over: Partial<SideDetection> = {}) =>
      side({
        view: null,
        outline: card,
        findings: [number],
        lines: [line(50, 'NEDERLANDSE', 'IDENTITEITSKAART')],
        ...over,
      });

    it('blacks out its portrait and ghost image where the face model saw neither', () => {
      const placed = printedLayoutFindings(front(), dutch);
      expect(placed.map((f) => [f.kind, f.via])).toEqual([
        ['photo', 'layout'],
        ['ghost_photo', 'layout'],
      ]);
      const [photo, ghost] = placed.map((f) => f.box);
      // The generator's portraits lie inside, moved a millimetre and grown 4 % (their ground's
      // outer millimetre aside): the Dutch at 3–28 × 11–43 mm, the Belgian at 3–27 × 9–40 mm; the
      // fields start at 30 mm, and the zone stops 2 mm short of them.
      expect(photo!.x).toBeLessThanOrEqual(40 + 15);
      expect(photo!.y).toBeLessThanOrEqual(30 + 75);
      expect(photo!.x + photo!.width).toBeGreaterThanOrEqual(40 + 280);
      expect(photo!.x + photo!.width).toBeLessThanOrEqual(40 + 290);
      expect(photo!.y + photo!.height).toBeGreaterThanOrEqual(30 + 445);
      // The Dutch ghost at 70–82 × 32–47 mm, the Belgian at 71–82 × 35–49 mm.
      expect(ghost!.x).toBeLessThanOrEqual(40 + 685);
      expect(ghost!.x).toBeGreaterThanOrEqual(40 + 620);
      expect(ghost!.y).toBeLessThanOrEqual(30 + 305);
      expect(ghost!.x + ghost!.width).toBeGreaterThanOrEqual(40 + 835);
      expect(ghost!.y + ghost!.height).toBeGreaterThanOrEqual(30 + 505);
    });

    it('takes a "portrait" found where the ghost is printed for the ghost', () => {
      // The model missed the grey portrait and saw its paler ghost, taking it for the portrait.
      const ghostSeen: Finding = { ...portrait, box: { x: 740, y: 360, width: 120, height: 150 } };
      const placed = printedLayoutFindings(front({ findings: [number, ghostSeen] }), dutch);
      expect(placed.map((f) => [f.kind, f.via])).toEqual([
        ['photo', 'layout'],
        ['ghost_photo', 'face'],
      ]);
    });

    it('pulls the portrait zone back from a name it reaches over', () => {
      // Placed from an outline 2 mm off, the zone (to 28 mm: x 320 here) runs over a given name
      // printed from 29 mm (x 330 without the error, 310 with it).
      const name = line(200, 'Thijs');
      name.words[0]!.box = { ...name.words[0]!.box, x: 310, width: 60 };
      const lines = [line(50, 'NEDERLANDSE', 'IDENTITEITSKAART'), name];
      const photo = printedLayoutFindings(front({ lines }), dutch).find((f) => f.kind === 'photo');
      expect(photo!.box.x + photo!.box.width).toBeLessThanOrEqual(310);
      // The face's middle never yields: the zone keeps its left 80 %.
      expect(photo!.box.x + photo!.box.width).toBeGreaterThan(40 + 15 + 0.8 * 265);
    });

    it('covers the portrait and the ghost image found to their zones', () => {
      // The card's portrait, 2–27 mm across and 8–45 mm down.
      const face: Finding = { ...portrait, box: { x: 60, y: 110, width: 250, height: 370 } };
      // The ghost matched by the portrait's likeness, where the portrait's box was its face's
      // alone: two-thirds of the copy's size (varied seed 33 nl-id-front-0-scan, 67 % black).
      const ghost: Finding = {
        ...portrait,
        kind: 'ghost_photo',
        via: 'template',
        box: { x: 760, y: 380, width: 70, height: 90 },
      };
      const out = printedLayoutFindings(front({ findings: [face, ghost] }), dutch);
      expect(out.map((f) => [f.kind, f.via])).toEqual([
        ['photo', 'face'],
        ['ghost_photo', 'template'],
      ]);
      expect(out[0]!.box).toMatchObject({ x: 40 + 15, y: 30 + 75 });
      // The Dutch ghost at 70–82 × 32–47 mm.
      const zone = out[1]!.box;
      expect(zone.x).toBeLessThanOrEqual(40 + 700);
      expect(zone.y).toBeLessThanOrEqual(30 + 320);
      expect(zone.x + zone.width).toBeGreaterThanOrEqual(40 + 820);
      expect(zone.y + zone.height).toBeGreaterThanOrEqual(30 + 470);
    });

    it('places nothing on a back, a card upside down, or a photo the card does not fill', () => {
      expect(printedLayoutFindings(front({ lines: [] }), dutch)).toEqual([]);
      const foot = [line(500, 'NEDERLANDSE', 'IDENTITEITSKAART')];
      expect(printedLayoutFindings(front({ lines: foot }), dutch)).toEqual([]);
      // A 4:3 photo of the card, looked at whole: its bounds are not the card's.
      const photo = { x: 0, y: 0, width: 1200, height: 900 };
      expect(printedLayoutFindings(front({ outline: photo }), dutch)).toEqual([]);
    });
  });

  it("adds nothing when the outline, as the document read, is not a page's shape, or the view was turned by its tilt", () => {
    const square = { ...side().view!, outline: { ...OUTLINE, height: 1000 } } as const;
    expect(printedLayoutFindings(side({ view: square }), DUTCH_PASSPORT)).toEqual([]);
    expect(printedLayoutFindings(side({ turn: 90 }), DUTCH_PASSPORT)).toEqual([]);
    expect(
      printedLayoutFindings(side({ view: { kind: 'turned', skew: 5 } }), DUTCH_PASSPORT),
    ).toEqual([]);
  });
});
