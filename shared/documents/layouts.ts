import type { MrzInfo } from '../mrz.ts';
import type { Box, RegionKind } from '../regions.ts';

/**
 * Where a known document prints what must be hidden, in millimetres from its top-left corner.
 * The MRZ is the anchor: its first line starts at a fixed spot on every document of a format
 * (ICAO 9303), and its width (characters × 2.54 mm) gives the scale. The zones are generous
 * where the models of one state differ, and stop short of the identity fields beside them.
 */
export interface LayoutItem {
  kind: RegionKind;
  zone: Box;
  /** What is printed there, for the report ("document number field", "perforation"). */
  what: string;
  /**
   * Blacked out to the zone's ends even where part of it was found: the perforated number runs
   * the zone's length, and its holes fade unevenly, so a find may hold only some of them. A
   * portrait on a layout known well enough to place it whole is covered to its printed edges
   * even where its face was found: grown from the face, the black stopped above a grey
   * portrait's shoulders and short of its pale edge. `'face-inside'`: so only when the face found
   * lies in the zone (ICAO's zone V on a state's page of no layout known here: a portrait found
   * elsewhere is printed where that state prints it).
   */
  whole?: boolean | 'face-inside';
}

export interface Layout {
  name: string;
  /** The document's size in mm (ICAO 9303: TD3 page, TD2 page, TD1 card). */
  page: { width: number; height: number };
  /** Top-left of the MRZ's first character and the width of its lines, in mm. */
  mrz: { x: number; y: number; width: number };
  items: LayoutItem[];
}

const mm = (x: number, y: number, width: number, height: number): Box => ({
  x,
  y,
  width,
  height,
});

// ICAO 9303 part 4, TD3 (125 × 88 mm): 44 characters from 6 mm off the left edge, the band's
// top 72 mm down; the portrait (zone V, up to 45 × 35 mm) at the left above the MRZ.
const TD3_MRZ = { x: 6, y: 72, width: 111.8 };
const TD3_PAGE = { width: 125, height: 88 };
// From 16 mm down, under the page's heading, as the Dutch one: a portrait printed higher than
// ICAO's zone (from 23 mm) kept its top out of it. Covered to its edges when the face lies in it:
// a grey portrait on a pale ground, the black grown from its face stopped above the shoulders
// (57 % of it black, no warning).
const TD3_PORTRAIT: LayoutItem = {
  kind: 'photo',
  zone: mm(3, 16, 37, 52),
  what: 'portrait',
  whole: 'face-inside',
};
// The document number field, top right of zone I on ICAO's recommended TD3 page (the Dutch, the
// German, the British and the Croatian passport all print it there); its bottom stays above the
// surname.
const TD3_NUMBER: LayoutItem = {
  kind: 'document_number',
  zone: mm(68, 6, 55, 10),
  what: 'document number field',
};
// TD2 (105 × 74 mm): 36 characters, the same margins.
const TD2_MRZ = { x: 6, y: 58, width: 91.4 };
const TD2_PAGE = { width: 105, height: 74 };
const TD2_PORTRAIT: LayoutItem = { kind: 'photo', zone: mm(3, 9, 37, 45), what: 'portrait' };
// TD1 card back (85.6 × 54 mm): 30 characters from 4.5 mm, three lines from about 34 mm down.
const TD1_MRZ = { x: 4.5, y: 34, width: 76.2 };
const TD1_CARD = { width: 85.6, height: 54 };

const LAYOUTS = {
  td3: { name: 'ICAO TD3 data page', page: TD3_PAGE, mrz: TD3_MRZ, items: [TD3_PORTRAIT] },
  td3Numbered: {
    name: 'ICAO TD3 data page',
    page: TD3_PAGE,
    mrz: TD3_MRZ,
    items: [TD3_PORTRAIT, TD3_NUMBER],
  },
  td2: { name: 'ICAO TD2 data page', page: TD2_PAGE, mrz: TD2_MRZ, items: [TD2_PORTRAIT] },
  // Dutch passport (2014 and 2021 models): the number top right, the BSN under the portrait,
  // the number again perforated down the right edge above the MRZ.
  nlPassport: {
    name: 'Dutch passport',
    page: TD3_PAGE,
    mrz: TD3_MRZ,
    items: [
      // The portrait from 16 mm down, under the page's heading (2001, 2014 and 2021 models), down
      // to the BSN: ICAO's zone starts 23 mm down, and the hair above it stayed readable.
      { kind: 'photo', zone: mm(3, 15, 37, 53), what: 'portrait', whole: true },
      TD3_NUMBER,
      { kind: 'personal_number', zone: mm(3, 60, 38, 10), what: 'BSN field' },
      {
        // Wide for its 4 mm: placed 60 mm from its anchor, the strip's top lands up to 6 mm off
        // on a phone photo taken at a slant (the page's top is foreshortened); the ghost image
        // beside it is hidden anyway. It runs 6 mm past the page's edge: placed from an MRZ
        // printed a little off ICAO's place, the zone ended inside the holes (4 passports of
        // varied print, 88–97 % black); past the edge there is no print to lose.
        kind: 'document_number',
        zone: mm(108, 0, 23, 70),
        what: 'perforated number',
        whole: true,
      },
    ],
  },
  // Dutch identity card (2021 model), back: the BSN top left.
  nlIdBack: {
    name: 'Dutch identity card, back',
    page: TD1_CARD,
    mrz: TD1_MRZ,
    items: [{ kind: 'personal_number', zone: mm(2, 2, 45, 9), what: 'BSN field' }],
  },
  // Belgian eID (2020 model), back: the national register number in the top left block.
  beIdBack: {
    name: 'Belgian eID, back',
    page: TD1_CARD,
    mrz: TD1_MRZ,
    items: [{ kind: 'personal_number', zone: mm(2, 8, 45, 9), what: 'national register number' }],
  },
  // The EU driving licence card (directive 2006/126/EC; the Dutch since 2014, the Belgian since
  // 2013), front: the portrait at the left below the flag, its right edge short of the field
  // numbers (from 30 mm). No MRZ: placed from the card's outline, the anchor where a TD1 back's
  // MRZ would lie.
  euLicenceFront: {
    name: 'EU driving licence, front',
    page: TD1_CARD,
    mrz: TD1_MRZ,
    items: [{ kind: 'photo', zone: mm(2.5, 11, 26, 36), what: 'portrait', whole: true }],
  },
  // The Dutch (2021) and Belgian (2020) identity card, front: the portrait at the left below the
  // title (ICAO 9303 part 5's zone V on a TD1 front), 2 mm short of the fields from 30 mm; the
  // ghost image in the lower right, below the fields' line ends. Placed from the card's outline.
  nlBeIdFront: {
    name: 'Dutch or Belgian identity card, front',
    page: TD1_CARD,
    mrz: TD1_MRZ,
    items: [
      { kind: 'photo', zone: mm(1.5, 7.5, 26.5, 38), what: 'portrait', whole: true },
      { kind: 'ghost_photo', zone: mm(66, 28, 19, 24), what: 'ghost image', whole: true },
    ],
  },
} satisfies Record<string, Layout>;

/**
 * The layout of the document whose MRZ was read, or null. A state's own layout only when the
 * check digits hold, or at least the document number's, or when `numberReadAgain` (the number
 * the MRZ gives was read a second time in the page's print: two readings agree on the document,
 * as a phone photo's MRZ often reads with a check digit or two off); a misread state or code
 * would put black on the wrong document, a misread optional field says nothing about it. The
 * ICAO portrait zone whenever the format is known, and on a sure TD3 page the number field where
 * ICAO puts it.
 */
export function layoutOf(info: MrzInfo, numberReadAgain = false): Layout | null {
  const state = info.issuingState;
  const code = info.documentCode;
  const sure = info.valid || info.numberValid === true || numberReadAgain;
  if (info.format === 'TD3') {
    const dutch = sure && state === 'NLD' && code.startsWith('P');
    if (dutch) return LAYOUTS.nlPassport;
    return sure ? LAYOUTS.td3Numbered : LAYOUTS.td3;
  }
  if (info.format === 'TD2') return LAYOUTS.td2;
  if (info.format === 'TD1' && sure && code.startsWith('I')) {
    if (state === 'NLD') return LAYOUTS.nlIdBack;
    if (state === 'BEL') return LAYOUTS.beIdBack;
  }
  return null;
}

/**
 * The layout of a document told by its printed words and shape, its MRZ not read: the Dutch
 * passport's (its number, perforated down the page's edge, stays readable when the MRZ in shadow
 * reads as junk and the holes are too small to find), the EU driving licence's front and the
 * Dutch and Belgian identity card's (no MRZ to place them from: a portrait the face model
 * missed, dark, in shadow or engraved in grey, stayed readable). Null for the others: their
 * layouts add nothing the finders do not look for, or are not known well enough to place
 * without an MRZ.
 */
export function layoutOfPrinted(family: string, country: string | null): Layout | null {
  if (family === 'driving_licence') return LAYOUTS.euLicenceFront;
  if (family === 'id_card' && (country === 'NLD' || country === 'BEL')) return LAYOUTS.nlBeIdFront;
  return family === 'passport' && country === 'NLD' ? LAYOUTS.nlPassport : null;
}

/**
 * The document's top-left corner in pixels and its pixels per millimetre, from where its MRZ band
 * lies (its top-left corner and width in pixels, on an upright image).
 */
function originOf(frame: Pick<Layout, 'mrz'>, band: Box): { x: number; y: number; scale: number } {
  const scale = band.width / frame.mrz.width;
  return { x: band.x - frame.mrz.x * scale, y: band.y - frame.mrz.y * scale, scale };
}

/** Each ICAO format's page and MRZ, for the document's bounds around a band read. */
const FRAMES: Partial<Record<MrzInfo['format'], Pick<Layout, 'page' | 'mrz'>>> = {
  TD1: { page: TD1_CARD, mrz: TD1_MRZ },
  TD2: { page: TD2_PAGE, mrz: TD2_MRZ },
  TD3: { page: TD3_PAGE, mrz: TD3_MRZ },
};

/**
 * The bounds of the page or card around an MRZ band of `format` (its top-left corner and width
 * in pixels, on an upright image), or null for a format of no fixed size.
 */
export function pageAroundBand(format: MrzInfo['format'], band: Box): Box | null {
  const frame = FRAMES[format];
  if (!frame) return null;
  const { x, y, scale } = originOf(frame, band);
  return { x, y, width: frame.page.width * scale, height: frame.page.height * scale };
}

/** Where the layout's MRZ band lies on its document whose outline is `outline`, in pixels. */
export function bandOnOutline(layout: Layout, outline: Box): Box {
  const scale = outline.width / layout.page.width;
  return {
    x: outline.x + layout.mrz.x * scale,
    y: outline.y + layout.mrz.y * scale,
    width: layout.mrz.width * scale,
    height: (layout.page.height - layout.mrz.y) * scale,
  };
}

/**
 * Each item's zone in image pixels, placed from where the MRZ band lies (its top-left corner and
 * width in pixels, on an upright image) and clipped to `within` (the image; for a page cut out of
 * a scan, the whole scan around it, since the cut may shave the page's edge); items wholly
 * outside are left out.
 */
export function placeLayout(
  layout: Layout,
  band: Box,
  within: Box,
): { item: LayoutItem; box: Box }[] {
  const { x: originX, y: originY, scale } = originOf(layout, band);
  return layout.items.flatMap((item) => {
    const x = Math.max(within.x, originX + item.zone.x * scale);
    const y = Math.max(within.y, originY + item.zone.y * scale);
    const right = Math.min(
      within.x + within.width,
      originX + (item.zone.x + item.zone.width) * scale,
    );
    const bottom = Math.min(
      within.y + within.height,
      originY + (item.zone.y + item.zone.height) * scale,
    );
    if (right <= x || bottom <= y) return [];
    return [{ item, box: { x, y, width: right - x, height: bottom - y } }];
  });
}
