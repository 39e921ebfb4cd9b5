import { describe, expect, it } from 'vitest';
import { keepClearOfText } from '../../../../../electron/core/pipeline/find/clear-of-text.ts';

describe('a portrait yields to the print beside it', () => {
  const face = { x: 100, y: 100, width: 100, height: 100 };
  const portrait = { x: 60, y: 40, width: 180, height: 230 };
  const word = (text: string, x: number, y: number, width: number) => ({
    text,
    box: { x, y, width, height: 14 },
    confidence: 90,
  });

  it('moves the edge that gives up least: a title over its top corner moves the top', () => {
    // "BELGIË" starts inside the portrait's right half but sits above the face.
    const out = keepClearOfText(portrait, face, [word('BELGIË', 180, 42, 120)]);
    expect(out.x + out.width).toBe(240);
    expect(out.y).toBe(58);
  });

  it('moves the top for a title that only a cut into the face box clears from the side', () => {
    // The portrait's top was placed high; the title over its corner starts inside the face
    // box's span. Clearing it from the side would give up less, but the face's own side.
    const high = { x: 60, y: 0, width: 180, height: 270 };
    const out = keepClearOfText(high, face, [word('RIJBEWIJS', 190, 70, 150)]);
    expect(out.x + out.width).toBe(240);
    expect(out.y).toBe(86);
  });

  it('moves the side for a name printed beside the face', () => {
    const out = keepClearOfText(portrait, face, [word('JANSEN', 225, 140, 90)]);
    expect(out.x + out.width).toBe(223);
    expect(out.y).toBe(40);
  });

  it('keeps its top when a column of labels beside the face is cheaper to clear from above', () => {
    // Labels and values of a card's name column start just inside a wide portrait box, each a
    // little lower: clearing each from the top gives up less than clearing it from the side.
    const wide = { x: 60, y: 40, width: 190, height: 320 };
    const column = [50, 75, 100, 125, 150].map((y) => word('Naam', 235, y, 60));
    const out = keepClearOfText(wide, face, column);
    expect(out.y).toBe(40);
    expect(out.x + out.width).toBe(233);
  });

  it('moves the side for a name whose first letter reaches into the face box', () => {
    // A small passport scan: the title above the portrait, and the surname starting 5 px inside
    // the detector's face box, level with the brow.
    const small = { x: 4, y: 25, width: 189, height: 269 };
    const smallFace = { x: 13, y: 60, width: 148, height: 148 };
    const words = [
      { text: 'PASSEPORT', box: { x: 55, y: 27, width: 54, height: 7 }, confidence: 91 },
      { text: 'MARTIN', box: { x: 155.5, y: 68, width: 44, height: 8 }, confidence: 90 },
    ];
    const out = keepClearOfText(small, smallFace, words);
    expect(out.y).toBe(36);
    expect(out.x + out.width).toBe(153.5);
  });

  it('leaves the room the burn margin takes before a name beside it', () => {
    // The burn grows every region by 7 px on a card scanned on A4: the edge stops 7 px sooner
    // than the 2 px it leaves by itself.
    const out = keepClearOfText(portrait, face, [word('JANSEN', 225, 140, 90)], 7);
    expect(out.x + out.width).toBe(216);
  });

  it('leaves that room before a name printed just past its edge, inside the margin', () => {
    // A passport scan (varied seed 75, foreign-passport-40-scan): the given name began 3 px past
    // the portrait's box; grown by its 7 px margin, the black took the name's first letter.
    const out = keepClearOfText(portrait, face, [word('Eva', 243, 140, 40)], 7);
    expect(out.x + out.width).toBe(234);
    // Further out than the margin, nothing moves.
    expect(keepClearOfText(portrait, face, [word('Eva', 248, 140, 40)], 7)).toEqual(portrait);
  });

  it('never gives up the core of the face', () => {
    const out = keepClearOfText(portrait, face, [word('JANSEN', 150, 140, 90)]);
    expect(out.x + out.width).toBeGreaterThanOrEqual(185);
  });
});
