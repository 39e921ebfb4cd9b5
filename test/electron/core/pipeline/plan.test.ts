import { describe, expect, it } from 'vitest';
import type { SideDetection } from '../../../../electron/core/pipeline/side-detection.ts';
import type { Finding } from '../../../../electron/core/pipeline/find/finding.ts';
import { padFinding, planRedaction } from '../../../../electron/core/pipeline/plan.ts';
import { polygonBounds, shapeToPolygon, type Box } from '../../../../shared/regions.ts';
import { applyHomography } from '../../../../shared/homography.ts';
import type { MrzInfo } from '../../../../shared/mrz.ts';
import { warningSpot } from '../../../../shared/warnings.ts';
import { line } from '../../../helpers/ocr-lines.ts';

const box = { x: 10, y: 10, width: 100, height: 20 };
function side(findings: Finding['kind'][], mrz: Partial<MrzInfo> | null): SideDetection {
  return {
    findings: findings.map((kind) => ({
      kind,
      box,
      confidence: 0.9,
      via: 'label',
      secret: kind === 'mrz' ? 'P<NLD' : '123456782',
    })),
    mrz: mrz
      ? {
          box,
          lines: [],
          info: {
            format: 'TD3',
            documentCode: 'P',
            issuingState: 'NLD',
            documentNumber: 'X',
            personalNumbers: [],
            valid: true,
            ...mrz,
          },
        }
      : null,
    lines: [],
    outline: { x: 0, y: 0, width: 1250, height: 880 },
    view: null,
    timings: {},
  };
}

/**
 * A view warped upright, with the document's outline in it; by default it lies square on the
 * image (`toImage` takes the view's pixels onto the image).
 */
function upright(
  outline: Box,
  width: number,
  height: number,
  toImage = [1, 0, 0, 0, 1, 0, 0, 0, 1],
): SideDetection['view'] {
  return {
    kind: 'rectified',
    toImage,
    width,
    height,
    outline,
    alone: true,
  };
}

describe('redaction plan', () => {
  it('warns when a Dutch passport shows no BSN, pointing under the portrait', () => {
    const plan = planRedaction([side(['mrz', 'photo', 'ghost_photo', 'document_number'], {})], []);
    expect(plan.warnings).toEqual([
      {
        code: 'missing',
        kind: 'personal_number',
        side: 0,
        spot: expect.any(Object),
        country: 'NLD',
      },
    ]);
    // Its field, 3–41 mm across and 60–70 mm down the 125 × 88 mm page (1250 × 880 px here).
    const spot = (plan.warnings[0] as { spot: Box }).spot;
    expect(spot.x).toBeLessThanOrEqual(30);
    expect(spot.x + spot.width).toBeGreaterThanOrEqual(410);
    expect(spot.y).toBeLessThanOrEqual(600);
    expect(spot.y + spot.height).toBeGreaterThanOrEqual(700);
    expect(spot.y + spot.height).toBeLessThanOrEqual(880 * 0.85);
    expect(plan.document).toMatchObject({
      kind: 'passport',
      issuingState: 'NLD',
      mrzFormat: 'TD3',
    });
  });

  it("tells a card lying tilted by its rectified view's shape, not by its squarer bounds", () => {
    // A card front, portrait and number found, title unread: on the image its tilted outline's
    // bounds are page-shaped (1.42), the upright view shows a card (1.59).
    const front = side(['photo', 'document_number'], null);
    front.outline = { x: 0, y: 0, width: 1000, height: 705 };
    front.view = upright({ x: 50, y: 50, width: 856, height: 540 }, 1000, 705);
    const plan = planRedaction([front], []);
    expect(plan.document).toMatchObject({ kind: 'id_card' });
    expect(plan.warnings.map((w) => w.code)).not.toContain('missing');
  });

  it("blacks out a Dutch passport page's number where its layout puts it when the MRZ was not read", () => {
    // Seed 17 nl-passport-36: the MRZ in shadow read as junk, the perforated number unseen.
    const page = side(['photo'], null);
    // The portrait, 4–37 mm across and 24–66 mm down the page (10 px/mm, 50 px in).
    page.findings[0]!.box = { x: 90, y: 290, width: 330, height: 420 };
    page.lines = [line(40, 'KONINKRIJK', 'DER', 'NEDERLANDEN')];
    page.view = upright({ x: 50, y: 50, width: 1250, height: 880 }, 1350, 980);
    const plan = planRedaction([page], []);
    expect(plan.document).toMatchObject({ kind: 'passport', issuingState: 'NLD' });
    // The number field, the BSN under the portrait and the perforation, each pointed at.
    const placed = plan.warnings.flatMap((w) => (w.code === 'placed' ? [w.kind] : []));
    expect(placed.sort()).toEqual(['document_number', 'document_number', 'personal_number']);
    expect(plan.regions.filter((r) => r.kind !== 'photo')).toHaveLength(3);
  });

  it("blacks out a licence's portrait where the EU model puts it when no face was found on it", () => {
    // Seed 19 nl-licence-front-91: a dark portrait in a shadow, unseen by the face model; its BSN
    // and number found. The card 856 × 540 px (10 px/mm) in its upright view.
    const front = side(['personal_number', 'document_number'], null);
    front.lines = [line(30, 'RIJBEWIJS'), line(70, 'KONINKRIJK', 'DER', 'NEDERLANDEN')];
    front.view = upright({ x: 50, y: 50, width: 856, height: 540 }, 956, 640);
    const plan = planRedaction([front], []);
    expect(plan.document).toMatchObject({ kind: 'driving_licence', issuingState: 'NLD' });
    const portrait = plan.regions.find((r) => r.kind === 'photo');
    // The generator's portrait, 3–27 mm across and 13–44 mm down, covered; the field numbers
    // from 30 mm across stay clear.
    const at = polygonBounds(shapeToPolygon(portrait!.shape));
    expect(at.x).toBeLessThanOrEqual(50 + 30);
    expect(at.x + at.width).toBeGreaterThanOrEqual(50 + 270);
    expect(at.x + at.width).toBeLessThan(50 + 300);
    expect(at.y).toBeLessThanOrEqual(50 + 130);
    expect(at.y + at.height).toBeGreaterThanOrEqual(50 + 440);
    // Placed, not seen: pointed at, and no "portrait missing" besides. Unseen, it was not looked
    // for a copy of either: the licence's small second image is asked for at the lower right.
    expect(plan.warnings).toContainEqual(
      expect.objectContaining({ code: 'placed', kind: 'photo' }),
    );
    const missing = plan.warnings.filter((w) => w.code === 'missing');
    expect(missing).toEqual([expect.objectContaining({ kind: 'ghost_photo', side: 0 })]);
    const spot = warningSpot(missing[0]!)!;
    expect(spot.x).toBeGreaterThan(50 + 0.6 * 856);
    expect(spot.y + spot.height).toBeGreaterThan(50 + 0.9 * 540);
  });

  it("looks for a licence's second image where it may be printed, without asking, when its portrait was seen", () => {
    // Varied seed 107 nl-licence-front-51-phone: the portrait seen, its small copy in a shadow
    // unlike it to the template search, "RIJBEWIJS" read but not the state. Not every model
    // prints a second image: looked for at the lower right, no warning when it is not there.
    const front = side(['photo', 'personal_number', 'document_number'], null);
    front.lines = [line(30, 'RIJBEWIJS')];
    front.view = upright({ x: 50, y: 50, width: 856, height: 540 }, 956, 640);
    const plan = planRedaction([front], []);
    expect(plan.warnings.filter((w) => w.code === 'missing')).toEqual([]);
    expect(plan.ghostSpots).toHaveLength(1);
    const { side: on, spot } = plan.ghostSpots[0]!;
    expect(on).toBe(0);
    // The generator's second portrait, 68–80 mm across and 33–48 mm down (10 px/mm).
    expect(spot.x).toBeLessThanOrEqual(50 + 680);
    expect(spot.x + spot.width).toBeGreaterThanOrEqual(50 + 800);
    expect(spot.y).toBeLessThanOrEqual(50 + 330);
    expect(spot.y + spot.height).toBeGreaterThanOrEqual(50 + 480);
    // Found already, or kept readable on purpose: not looked for.
    const withGhost = side(['photo', 'ghost_photo', 'personal_number', 'document_number'], null);
    withGhost.lines = front.lines;
    withGhost.view = front.view;
    expect(planRedaction([withGhost], []).ghostSpots).toEqual([]);
    expect(planRedaction([front], ['ghost_photo']).ghostSpots).toEqual([]);
  });

  it('points at the spot along a document lying tilted, not in its square bounds', () => {
    // A Dutch licence at 20° on a photo, its BSN (field 4d) unread: the card, 856 × 540 px in
    // its upright view, turned on the image about its top left corner, put at (300, 50).
    const front = side(['photo', 'document_number'], null);
    front.lines = [line(30, 'RIJBEWIJS'), line(70, 'KONINKRIJK', 'DER', 'NEDERLANDEN')];
    const [c, s] = [Math.cos(Math.PI / 9), Math.sin(Math.PI / 9)];
    const toImage = [c, -s, 300, s, c, 50, 0, 0, 1];
    front.view = upright({ x: 0, y: 0, width: 856, height: 540 }, 856, 540, toImage);
    const corners = [
      [0, 0],
      [856, 0],
      [0, 540],
      [856, 540],
    ].map(([x, y]) => applyHomography(toImage, { x: x!, y: y! }));
    front.outline = polygonBounds(corners);
    const missing = planRedaction([front], []).warnings.find(
      (w) => w.code === 'missing' && w.kind === 'personal_number',
    );
    const spot = warningSpot(missing!)!;
    // Field 4d's line, 32–34.5 mm down, from 30 mm across (10 px/mm), wherever it lies on the image.
    for (const [x, y] of [
      [320, 330],
      [600, 330],
      [320, 340],
      [600, 340],
    ]) {
      const p = applyHomography(toImage, { x: x!, y: y! });
      expect(p.x).toBeGreaterThanOrEqual(spot.x);
      expect(p.x).toBeLessThanOrEqual(spot.x + spot.width);
      expect(p.y).toBeGreaterThanOrEqual(spot.y);
      expect(p.y).toBeLessThanOrEqual(spot.y + spot.height);
    }
  });

  it('sends people to the back of a Dutch ID card when only the front was given', () => {
    const front = side(['photo', 'ghost_photo', 'document_number'], null);
    front.findings[0]!.box = { x: 20, y: 80, width: 250, height: 370 };
    front.lines = [line(10, 'IDENTITEITSKAART'), line(40, 'NEDERLAND')];
    front.outline = { x: 0, y: 0, width: 856, height: 540 };
    expect(planRedaction([front], []).warnings).toEqual([{ code: 'missing_bsn_back' }]);
  });

  it('points at the ghost image of a Dutch passport page lying sideways where it lies', () => {
    // Read upright turned a quarter clockwise: the page's right third lies at the image's top.
    const lying = {
      ...side(['mrz', 'photo', 'document_number', 'personal_number'], {}),
      turn: 90 as const,
    };
    lying.outline = { x: 0, y: 0, width: 880, height: 1250 };
    const [warning] = planRedaction([lying], []).warnings;
    expect(warning).toMatchObject({ code: 'missing', kind: 'ghost_photo' });
    const spot = (warning as { spot: Box }).spot;
    expect(spot.y + spot.height).toBeLessThanOrEqual(0.36 * 1250);
    expect(spot.x + spot.width).toBeLessThanOrEqual(0.85 * 880);
  });

  it("points at a Dutch passport page's ghost image when none was found", () => {
    const plan = planRedaction(
      [side(['mrz', 'photo', 'document_number', 'personal_number'], {})],
      [],
    );
    expect(plan.warnings).toEqual([
      {
        code: 'missing',
        kind: 'ghost_photo',
        side: 0,
        spot: expect.objectContaining({ x: expect.any(Number) }),
        country: 'NLD',
      },
    ]);
    // In the right third of the 1250 × 880 page, above its MRZ.
    const spot = (plan.warnings[0] as { spot: { x: number; y: number; height: number } }).spot;
    expect(spot.x).toBeGreaterThanOrEqual(800);
    expect(spot.y + spot.height).toBeLessThanOrEqual(0.85 * 880);
    // Not asked for when the recipient keeps faces readable.
    expect(
      planRedaction(
        [side(['mrz', 'photo', 'document_number', 'personal_number'], {})],
        ['photo', 'ghost_photo'],
      ).warnings,
    ).toEqual([]);
  });

  it("asks a card's front and back side by side for the portrait when the face found is ghost-sized", () => {
    // Both sides of a Dutch card in one 700 × 230 file: the face model missed the grey portrait
    // and found its ghost, 80 px high, on a card 220 px high.
    const both = (photoHeight: number): SideDetection => {
      const s = side(['mrz', 'document_number', 'personal_number'], {
        format: 'TD1',
        documentCode: 'I',
      });
      const photo = { x: 250, y: 60, width: 60, height: photoHeight };
      return {
        ...s,
        outline: { x: 5, y: 5, width: 690, height: 220 },
        findings: [...s.findings, { kind: 'photo', box: photo, confidence: 0.6, via: 'face' }],
      };
    };
    const missingPhoto = (d: SideDetection) =>
      planRedaction([d], []).warnings.some((w) => w.code === 'missing' && w.kind === 'photo');
    expect(missingPhoto(both(80))).toBe(true);
    // A portrait of its size (70 % of the card's height) is the portrait.
    expect(missingPhoto(both(150))).toBe(false);
    // On one card's own image a face of any size is taken as found.
    expect(missingPhoto({ ...both(80), outline: { x: 0, y: 0, width: 350, height: 220 } })).toBe(
      false,
    );
  });

  it('asks the back of a Dutch ID card for its BSN, never for a photo', () => {
    const plan = planRedaction(
      [side(['mrz', 'document_number'], { format: 'TD1', documentCode: 'I' })],
      [],
    );
    expect(plan.warnings).toEqual([
      { code: 'missing', kind: 'personal_number', side: null, spot: null, country: 'NLD' },
    ]);
  });

  it('still asks for a checked MRZ number when only another number of its shape was found', () => {
    // A German temporary ID: "C 0000000" unread beside the portrait, a pattern found elsewhere.
    const mrz = { format: 'TD2', documentCode: 'IT', issuingState: 'D' } as const;
    const found = (secret: string, numberValid: boolean) => {
      const det = side(['mrz', 'photo'], { ...mrz, documentNumber: 'C 0000000', numberValid });
      det.findings.push({
        kind: 'document_number',
        box,
        confidence: 0.7,
        via: 'nl-pattern',
        secret,
      });
      return planRedaction([det], []).warnings.filter((w) => w.code === 'missing');
    };
    expect(found('NX8L02FK4', true)).toEqual([
      { code: 'missing', kind: 'document_number', side: 0, spot: null, country: null },
    ]);
    // The same shape reading as the MRZ's number (look-alikes folded) is the number.
    expect(found('CO000000', true)).toEqual([]);
    // An MRZ whose number check failed says nothing about which number is the one.
    expect(found('NX8L02FK4', false)).toEqual([]);
  });

  it('does not expect a BSN on a foreign passport', () => {
    const plan = planRedaction(
      [side(['mrz', 'photo', 'document_number'], { issuingState: 'UTO' })],
      [],
    );
    expect(plan.warnings).toEqual([]);
  });

  it('points at the bottom of a passport page whose MRZ was not found', () => {
    const plan = planRedaction([side(['photo', 'document_number'], null)], []);
    const missing = plan.warnings.find((w) => w.code === 'missing' && w.kind === 'mrz');
    expect(missing).toMatchObject({ side: 0, spot: { x: 0, width: 1250 } });
    expect(missing && 'spot' in missing && missing.spot!.y).toBeGreaterThan(880 * 0.6);
  });

  it('does not ask for what the recipient keeps readable', () => {
    const plan = planRedaction([side(['photo', 'document_number'], null)], ['mrz']);
    expect(plan.warnings.some((w) => w.code === 'missing' && w.kind === 'mrz')).toBe(false);
  });

  it('says when no document was recognised at all', () => {
    expect(planRedaction([side([], null)], []).warnings).toEqual([
      { code: 'no_document', side: 0 },
    ]);
  });

  it('flags an MRZ whose check digits failed', () => {
    const plan = planRedaction(
      [
        side(['mrz', 'photo', 'ghost_photo', 'document_number', 'personal_number'], {
          valid: false,
        }),
      ],
      [],
    );
    expect(plan.warnings).toEqual([{ code: 'mrz_unreadable', side: 0, spot: box }]);
  });

  it('flags an MRZ seen only in the page text, which its reader could not read', () => {
    // Nothing recognised (an ID card's back lying upside down), its MRZ lines read as print.
    const plan = planRedaction([side(['mrz'], null)], []);
    expect(plan.warnings).toEqual([{ code: 'mrz_unreadable', side: 0, spot: box }]);
  });

  it("points at an unread MRZ where it lies on the document, not past the document's edge", () => {
    const det = side(['mrz', 'photo', 'ghost_photo', 'document_number', 'personal_number'], {
      valid: false,
    });
    // The band reader extrapolated a band of 44 characters from a narrow reading.
    det.mrz!.box = { x: 100, y: 700, width: 1400, height: 100 };
    const [warning] = planRedaction([det], []).warnings;
    expect(warning).toMatchObject({
      code: 'mrz_unreadable',
      spot: { x: 100, y: 700, width: 1150, height: 100 },
    });
  });

  it('keeps kinds the recipient needs readable, but still knows their values', () => {
    const plan = planRedaction(
      [side(['mrz', 'photo', 'document_number', 'personal_number'], {})],
      ['mrz', 'document_number', 'personal_number'],
    );
    expect(plan.regions.map((r) => r.kind)).toEqual(['photo']);
    expect(plan.secrets.map((s) => s.kind)).toContain('mrz');
  });

  it('blacks out the numbers inside a kept MRZ, character by character', () => {
    const det = side(['mrz', 'photo'], {});
    // A TD3 read line by line: 44 characters of 10 px each.
    const line1 = 'P<NLDDE<BRUIJN<<WILLEKE<<<<<<<<<<<<<<<<<<<<<';
    const line2 = 'XR0000014<NLD6503101F3106075123456782<<<<<06';
    det.mrz!.lines = [line1, line2];
    det.mrz!.lineBoxes = [
      { x: 100, y: 700, width: 440, height: 20 },
      { x: 100, y: 730, width: 440, height: 20 },
    ];
    const regions = planRedaction([det], ['mrz']).regions;
    const inMrz = regions.filter((r) => r.label === 'inside the MRZ');
    expect(inMrz.map((r) => r.kind)).toEqual(['document_number', 'personal_number']);
    const [doc, personal] = inMrz.map((r) => polygonBounds(shapeToPolygon(r.shape)));
    // Characters 0–9 and 28–42 of line 2, with their margin; line 1 untouched.
    expect(doc!.x).toBeLessThanOrEqual(100);
    expect(doc!.x + doc!.width).toBeGreaterThanOrEqual(200);
    expect(doc!.x + doc!.width).toBeLessThan(215);
    expect(personal!.x).toBeLessThanOrEqual(380);
    expect(personal!.x).toBeGreaterThan(365);
    expect(Math.min(doc!.y, personal!.y)).toBeGreaterThan(720);
    expect(regions.some((r) => r.kind === 'mrz')).toBe(false);
  });

  it('covers a kept MRZ whole when its characters cannot be placed', () => {
    const regions = planRedaction([side(['mrz', 'photo'], {})], ['mrz']).regions;
    expect(regions.map((r) => r.kind)).toContain('mrz');
  });

  it('pads number regions beyond the OCR box', () => {
    const plan = planRedaction([side(['personal_number'], null)], []);
    const rect = plan.regions[0]!.shape.type === 'rect' ? plan.regions[0]!.shape.rect : null;
    expect(rect!.width).toBeGreaterThan(box.width);
    expect(rect!.height).toBeGreaterThan(box.height);
  });

  it('pads a number by its line height, also when it runs down a sideways document', () => {
    const flat = padFinding('document_number', { x: 100, y: 100, width: 190, height: 36 });
    const down = padFinding('document_number', { x: 100, y: 100, width: 36, height: 190 });
    // Across the number, the same margin whichever way it runs; along it, at least as much.
    expect(down.width).toBe(flat.height);
    expect(down.height).toBeGreaterThanOrEqual(flat.width);
  });

  it("pads a number's ends by over half its line height, past a first digit its box cut into", () => {
    // Varied seed 27 nl-licence-front-57-phone: the reader's box began inside a serif '1' set
    // apart from the rest, and a stroke of it stayed readable beside the black.
    const flat = padFinding('document_number', { x: 100, y: 100, width: 190, height: 36 });
    expect(flat.x).toBeLessThanOrEqual(100 - 0.55 * 36);
    expect(flat.x + flat.width).toBeGreaterThanOrEqual(290 + 0.55 * 36);
  });

  it('adds a second find of a number that reaches past the first one', () => {
    const det = side(['personal_number'], null);
    // The whole number read after a part of it: taller than the first find's padded region.
    const whole = { ...det.findings[0]!, box: { x: 10, y: 4, width: 104, height: 34 } };
    const inside = { ...det.findings[0]!, box: { x: 20, y: 12, width: 50, height: 16 } };
    const plan = planRedaction([{ ...det, findings: [...det.findings, whole, inside] }], []);
    expect(plan.regions).toHaveLength(2);
    const bounds = plan.regions.map((r) => polygonBounds(shapeToPolygon(r.shape)));
    expect(Math.min(...bounds.map((b) => b.y))).toBeLessThanOrEqual(whole.box.y);
  });
});

describe('safety margin around the MRZ band', () => {
  it('reaches past the last glyph along the lines, whichever way the band lies', () => {
    const across = 176;
    const flat = padFinding('mrz', { x: 100, y: 400, width: 900, height: across });
    const upright = padFinding('mrz', { x: 400, y: 100, width: across, height: 900 });
    // A sixth of the thickness along the lines (more than 1.2 % of 900 for a 3-line band).
    expect(100 - flat.x).toBeCloseTo(across * 0.15);
    expect(flat.y).toBeCloseTo(400 - across * 0.12);
    // The same margins, turned: a sideways scan gets no more and no less.
    expect([upright.x, upright.y, upright.width, upright.height]).toEqual([
      flat.y,
      flat.x,
      flat.height,
      flat.width,
    ]);
  });
});

describe('zones placed by the layout', () => {
  it('black exactly the zone, not padded as a line of text, and point at it in a warning', () => {
    // A BSN zone 10 mm tall at 9 px/mm: padded by its own height, it reached the dates beside it.
    const zone = { x: 27, y: 540, width: 342, height: 90 };
    const det = side([], { personalNumbers: ['123456782'] });
    det.findings.push({
      kind: 'personal_number',
      box: zone,
      confidence: 0.6,
      via: 'layout',
      zone: true,
    });
    const plan = planRedaction([det], []);
    const region = plan.regions.find((r) => r.kind === 'personal_number')!;
    expect(polygonBounds(shapeToPolygon(region.shape))).toEqual(zone);
    expect(plan.warnings).toContainEqual({
      code: 'placed',
      kind: 'personal_number',
      side: 0,
      spot: zone,
    });
  });
});
