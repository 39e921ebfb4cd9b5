import type { Box } from '../../shared/regions.ts';
import type { SyntheticSide, TruthRegion } from './documents.ts';
import type { Sheet } from './draw.ts';

// Printing on a synthetic document in millimetres, shared by every kind of document.

const MONO_ADVANCE = 0.602; // DejaVu Sans Mono advance width per em

/**
 * A labelled field as printed on ICAO documents: small label, the value below it, where and how
 * the sheet's print style puts them.
 */
export async function field(
  sheet: Sheet,
  mm: number,
  label: string,
  value: string,
  x: number,
  y: number,
): Promise<Box> {
  const { style } = sheet;
  const at = style.place(x, y);
  const text = style.upperLabels ? label.toUpperCase() : label;
  await labelText(sheet, text, at.x * mm, at.y * mm, 1.7 * mm, '#4a4a6a');
  return valueText(sheet, value, at.x * mm, (at.y + 2.4) * mm, 2.6 * mm);
}

/** A value printed in the sheet's typeface and size, `px` being the layout's size. */
export function valueText(sheet: Sheet, value: string, x: number, y: number, px: number) {
  return sheet.text(value, x, y, px * sheet.style.textScale, sheet.style.valueFont);
}

/** A field's label (or number) in the sheet's size, `px` being the layout's size. */
export function labelText(
  sheet: Sheet,
  text: string,
  x: number,
  y: number,
  px: number,
  colour: string,
) {
  return sheet.text(text, x, y, px * sheet.style.textScale, 'sans', colour);
}

/** MRZ lines in OCR-B-like monospace at the ICAO pitch; returns the box around all of them. */
export async function mrzBlock(
  sheet: Sheet,
  mm: number,
  lines: string[],
  x: number,
  y: number,
  pitch: number,
): Promise<Box> {
  const px = (2.54 * mm) / MONO_ADVANCE;
  const boxes: Box[] = [];
  for (const [i, line] of lines.entries())
    boxes.push(await sheet.text(line, x * mm, (y + i * pitch) * mm, px, 'mono', '#111111'));
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  return {
    x: x0,
    y: y0,
    width: Math.max(...boxes.map((b) => b.x + b.width)) - x0,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - y0,
  };
}

/** A box given in millimetres on a sheet of `mm` pixels per millimetre. */
export function mmBox(mm: number, x: number, y: number, w: number, h: number): Box {
  return {
    x: Math.round(x * mm),
    y: Math.round(y * mm),
    width: Math.round(w * mm),
    height: Math.round(h * mm),
  };
}

/** The identity fields that must stay legible, under the names the bench reports them by. */
export function keepFields(fields: {
  surname: Box;
  given: Box;
  nationality?: Box;
  birth: Box;
  expiry: Box;
}): TruthRegion[] {
  const named: [string, Box | undefined][] = [
    ['surname', fields.surname],
    ['given names', fields.given],
    ['nationality', fields.nationality],
    ['date of birth', fields.birth],
    ['expiry', fields.expiry],
  ];
  return named.flatMap(([field, box]) => (box ? [{ kind: 'manual' as const, box, field }] : []));
}

/** The finished side: the sheet rendered on its card colour, with its ground truth. */
export async function finishSide(
  sheet: Sheet,
  background: string,
  truth: { secrets: TruthRegion[]; keep?: TruthRegion[]; mrzLines?: string[] },
): Promise<SyntheticSide> {
  return {
    png: await sheet.render(background),
    width: sheet.width,
    height: sheet.height,
    secrets: truth.secrets,
    keep: truth.keep ?? [],
    mrzLines: truth.mrzLines ?? [],
  };
}
