import sharp from 'sharp';
import { createRequire } from 'node:module';
import type { Box } from '../../shared/regions.ts';
import { PLAIN_PRINT, type PrintStyle } from './print-style.ts';

const require = createRequire(import.meta.url);
const FONTS = {
  sans: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  mono: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'),
  serif: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf'),
  condensed: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'),
};
const FAMILY = {
  sans: 'DejaVu Sans',
  bold: 'DejaVu Sans Bold',
  mono: 'DejaVu Sans Mono',
  serif: 'DejaVu Serif Bold',
  condensed: 'DejaVu Sans Condensed Bold',
};

export interface Layer {
  input: Buffer;
  left: number;
  top: number;
}

/**
 * A canvas being assembled from SVG shapes and text layers, with the boxes of what was drawn,
 * printed in `style` (the layout as drawn unless told otherwise).
 */
export class Sheet {
  readonly layers: Layer[] = [];
  constructor(
    readonly width: number,
    readonly height: number,
    readonly style: PrintStyle = PLAIN_PRINT,
  ) {}

  svg(body: string, left = 0, top = 0, w = this.width, h = this.height): void {
    this.layers.push({
      input: Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`,
      ),
      left,
      top,
    });
  }

  /** Draws one line of text with its top-left at (x, y); returns the box of the ink. */
  async text(
    text: string,
    x: number,
    y: number,
    px: number,
    font: keyof typeof FONTS = 'sans',
    colour = '#1b1b1b',
  ): Promise<Box> {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const { data, info } = await sharp({
      text: {
        text: `<span foreground="${colour}">${escaped}</span>`,
        font: `${FAMILY[font]} ${px}px`,
        fontfile: FONTS[font],
        rgba: true,
        dpi: 72,
      },
    })
      .png()
      .toBuffer({ resolveWithObject: true });
    const left = Math.round(x);
    const top = Math.round(y);
    this.layers.push({ input: data, left, top });
    return { x: left, y: top, width: info.width, height: info.height };
  }

  /**
   * Prints the portrait, and the ghost image when the document has one, where this sheet's style
   * puts them for the layout's boxes; returns where they were printed.
   */
  portraits(
    mm: number,
    seed: number,
    layout: { photo: Box; ghost?: Box; ghostOpacity: number },
  ): { photo: Box; ghost?: Box } {
    const look = { background: this.style.portraitBackground, grey: this.style.greyPortrait };
    const photo = this.style.portrait(layout.photo, mm);
    const ghost = layout.ghost && this.style.ghost(layout.ghost, mm);
    const opacity = this.style.ghostOpacity(layout.ghostOpacity);
    this.svg(
      portraitSvg(photo, seed, 1, look) + (ghost ? portraitSvg(ghost, seed, opacity, look) : ''),
    );
    return ghost ? { photo, ghost } : { photo };
  }

  async render(background: string): Promise<Buffer> {
    return sharp({
      create: { width: this.width, height: this.height, channels: 3, background },
    })
      .composite(this.layers.map((l) => ({ input: l.input, left: l.left, top: l.top })))
      .png()
      .toBuffer();
  }
}

/** A colour as the grey of the same lightness (Rec. 601 weights). */
function greyOf(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
  const v = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  return '#' + v.toString(16).padStart(2, '0').repeat(3);
}

/**
 * A drawn, clearly fictional portrait: head, hair and shoulders on a plain background, in colour
 * or in grey as laser-engraved portraits are.
 */
export function portraitSvg(
  box: Box,
  seed: number,
  opacity = 1,
  look: { background: string; grey: boolean } = {
    background: PLAIN_PRINT.portraitBackground,
    grey: PLAIN_PRINT.greyPortrait,
  },
): string {
  const tone = (hex: string) => (look.grey ? greyOf(hex) : hex);
  const skins = ['#e8c4a8', '#c99a76', '#8d5f43', '#f1d3bd'];
  const hairs = ['#3b2a1e', '#7a5230', '#1e1a17', '#b58a52'];
  const skin = tone(skins[seed % skins.length]!);
  const hair = tone(hairs[(seed >> 2) % hairs.length]!);
  const { width: w, height: h } = box;
  const x = 0;
  const y = 0;
  const cx = w / 2;
  // A nested <svg> clips the drawing to the portrait rectangle.
  return `<svg x="${box.x}" y="${box.y}" width="${w}" height="${h}"><g opacity="${opacity}">
    <rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${tone(look.background)}"/>
    <ellipse cx="${cx}" cy="${y + h * 1.02}" rx="${w * 0.52}" ry="${h * 0.24}" fill="${tone('#3c4a63')}"/>
    <rect x="${cx - w * 0.12}" y="${y + h * 0.62}" width="${w * 0.24}" height="${h * 0.2}" fill="${skin}"/>
    <ellipse cx="${cx}" cy="${y + h * 0.37}" rx="${w * 0.36}" ry="${h * 0.29}" fill="${hair}"/>
    <ellipse cx="${cx}" cy="${y + h * 0.46}" rx="${w * 0.3}" ry="${h * 0.27}" fill="${skin}"/>
    <ellipse cx="${cx - w * 0.3}" cy="${y + h * 0.47}" rx="${w * 0.045}" ry="${h * 0.05}" fill="${skin}"/>
    <ellipse cx="${cx + w * 0.3}" cy="${y + h * 0.47}" rx="${w * 0.045}" ry="${h * 0.05}" fill="${skin}"/>
    <ellipse cx="${cx - w * 0.11}" cy="${y + h * 0.42}" rx="${w * 0.055}" ry="${h * 0.022}" fill="${tone('#ffffff')}"/>
    <ellipse cx="${cx + w * 0.11}" cy="${y + h * 0.42}" rx="${w * 0.055}" ry="${h * 0.022}" fill="${tone('#ffffff')}"/>
    <circle cx="${cx - w * 0.11}" cy="${y + h * 0.42}" r="${w * 0.025}" fill="${tone('#3a2a20')}"/>
    <circle cx="${cx + w * 0.11}" cy="${y + h * 0.42}" r="${w * 0.025}" fill="${tone('#3a2a20')}"/>
    <path d="M ${cx - w * 0.18} ${y + h * 0.38} Q ${cx - w * 0.11} ${y + h * 0.355} ${cx - w * 0.05} ${y + h * 0.38}" stroke="${hair}" stroke-width="${Math.max(1, w * 0.02)}" fill="none"/>
    <path d="M ${cx + w * 0.05} ${y + h * 0.38} Q ${cx + w * 0.11} ${y + h * 0.355} ${cx + w * 0.18} ${y + h * 0.38}" stroke="${hair}" stroke-width="${Math.max(1, w * 0.02)}" fill="none"/>
    <path d="M ${cx - w * 0.02} ${y + h * 0.44} L ${cx - w * 0.04} ${y + h * 0.52} Q ${cx} ${y + h * 0.54} ${cx + w * 0.04} ${y + h * 0.52}" stroke="${tone('#a0705a')}" stroke-width="${Math.max(1, w * 0.012)}" fill="none"/>
    <path d="M ${cx - w * 0.09} ${y + h * 0.585} Q ${cx} ${y + h * 0.625} ${cx + w * 0.09} ${y + h * 0.585} Q ${cx} ${y + h * 0.6} ${cx - w * 0.09} ${y + h * 0.585}" stroke="${tone('#9b4b4b')}" stroke-width="${Math.max(1, w * 0.015)}" fill="${tone('#b05a5a')}"/>
  </g></svg>`;
}

/** Fine wavy security-print lines, so backgrounds are not flat. */
export function guillocheSvg(width: number, height: number, colour: string, seed: number): string {
  const lines: string[] = [];
  for (let i = 0; i < 14; i++) {
    const y0 = (height / 14) * i;
    const amp = 6 + ((seed + i) % 5) * 3;
    let d = `M 0 ${y0}`;
    for (let x = 0; x <= width; x += 20)
      d += ` L ${x} ${(y0 + Math.sin((x + seed * 7 + i * 13) / 37) * amp).toFixed(1)}`;
    lines.push(`<path d="${d}" stroke="${colour}" stroke-width="1" fill="none" opacity="0.5"/>`);
  }
  return lines.join('');
}

/** Paints a patch of background over part of a rendered page (to remove a field from a test document). */
export async function paintOver(
  png: Buffer,
  box: Box,
  background: string,
  margin = 20,
): Promise<Buffer> {
  return sharp(png)
    .composite([
      {
        input: {
          create: {
            width: Math.round(box.width + 2 * margin),
            height: Math.round(box.height + 3 * margin),
            channels: 3,
            background,
          },
        },
        left: Math.max(0, Math.round(box.x - margin)),
        top: Math.max(0, Math.round(box.y - 2 * margin)),
      },
    ])
    .png()
    .toBuffer();
}

/**
 * A number laser-perforated through the pages, as on the Dutch passport: the glyphs made of
 * small holes, running down the page. Returns the box of the holes.
 */
export async function perforate(
  sheet: Sheet,
  text: string,
  x: number,
  y: number,
  px: number,
): Promise<Box> {
  const glyphs = await sharp({
    text: { text, font: `${FAMILY.bold} ${px}px`, fontfile: FONTS.bold, rgba: true, dpi: 72 },
  })
    .rotate(90)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = glyphs.info;
  // Holes on a grid a seventh of the glyph height apart, where the glyph has ink.
  const pitch = Math.max(2, Math.round(px / 7));
  const r = Math.max(0.8, pitch * 0.32);
  const holes: string[] = [];
  for (let j = Math.floor(pitch / 2); j < height; j += pitch)
    for (let i = Math.floor(pitch / 2); i < width; i += pitch)
      if ((glyphs.data[(j * width + i) * 4 + 3] ?? 0) > 128)
        holes.push(`<circle cx="${x + i}" cy="${y + j}" r="${r.toFixed(2)}" fill="#2a2626"/>`);
  sheet.svg(holes.join(''));
  return { x: Math.round(x), y: Math.round(y), width, height };
}

/** Lays white over part of a page at `strength` (0–1), as glare washes out print in a photo. */
export async function washOut(png: Buffer, box: Box, strength: number): Promise<Buffer> {
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  const alpha = Math.round(strength * 255);
  return sharp(png)
    .composite([
      {
        input: {
          create: {
            width,
            height,
            channels: 4,
            background: { r: 255, g: 255, b: 255, alpha: alpha / 255 },
          },
        },
        left: Math.round(box.x),
        top: Math.round(box.y),
      },
    ])
    .png()
    .toBuffer();
}
