import { describe, expect, it } from 'vitest';
import {
  sidesAround,
  textBetween,
} from '../../../../../electron/core/pipeline/vision/edge-leans.ts';
import { DEG } from '../../../../../electron/core/pipeline/vision/hough-lines.ts';

describe('the edges an outline is closed with', () => {
  // A line across the document, by its lean in degrees (its normal is a quarter turn further).
  const across = (lean: number) => ({ t: (lean + 90) * DEG, rho: 0 });

  it('lean apart round the text in perspective, or with it', () => {
    expect(textBetween(across(-5), across(-1), -2.8 * DEG)).toBe(true);
    expect(textBetween(across(-2.9), across(-2.9), -2.8 * DEG)).toBe(true);
    // Within the text's own measuring error of it.
    expect(textBetween(across(-1.5), across(-1.5), -2.8 * DEG)).toBe(true);
  });

  it('never both lean against the text: that is a table line taken for an edge', () => {
    // Tuning photo be-id-back-381: text at −2.8°, the edges found at +2.9° and +1.6°.
    expect(textBetween(across(2.9), across(1.6), -2.8 * DEG)).toBe(false);
    expect(textBetween(across(-7), across(-6), -2.8 * DEG)).toBe(false);
  });

  it('never lean apart by more than a card in steep perspective: a level line at one corner', () => {
    // Framed photo nl-id-front-42: a card at −9.4°, a level grain line through its top right.
    expect(textBetween(across(0), across(-9.4), -9.4 * DEG)).toBe(false);
    expect(textBetween(across(-6), across(-12), -9.4 * DEG)).toBe(true);
  });

  // A side of the document, by its lean off square to the text's lines, in degrees.
  const down = (lean: number) => ({ t: lean * DEG, rho: 0 });

  it('have their sides fan out round the square to the text, as perspective draws them', () => {
    expect(sidesAround(down(-7), down(-5), -6 * DEG)).toBe(true);
    expect(sidesAround(down(-4), down(-4), -6 * DEG)).toBe(true);
  });

  it('never have both sides lean well off it the same way: grain lines beside a card', () => {
    // Realistic photo be-id-front-2 (sideways on wood): text at −6°, grain lines at 0°.
    expect(sidesAround(down(0), down(0.1), -6 * DEG)).toBe(false);
    expect(sidesAround(down(-12), down(-10), -6 * DEG)).toBe(false);
  });
});
