import { describe, expect, it } from 'vitest';
import { facesOffPrint, findPhotos } from '../../../../../electron/core/pipeline/find/photo.ts';
import type { Gray } from '../../../../../electron/core/pipeline/vision/gray.ts';

/** A plain light page: no portrait border for a face's box to grow to. */
const blank = (width: number, height: number): Gray => ({
  data: new Uint8Array(width * height).fill(235),
  width,
  height,
});

describe('photo and ghost photo', () => {
  const g = blank(1000, 700);
  it('calls the largest confident face the photo and a smaller one the ghost photo', () => {
    const photos = findPhotos(
      [
        { box: { x: 800, y: 400, width: 80, height: 80 }, score: 0.7 },
        { box: { x: 80, y: 150, width: 220, height: 220 }, score: 0.6 },
      ],
      g,
      1,
    );
    expect(photos.map((p) => p.kind).sort()).toEqual(['ghost_photo', 'photo']);
    expect(photos.find((p) => p.kind === 'photo')?.box.x).toBeLessThan(80);
  });
  it('ignores weak detections when no face is confident', () => {
    expect(
      findPhotos([{ box: { x: 10, y: 10, width: 50, height: 50 }, score: 0.2 }], g, 1),
    ).toEqual([]);
  });
  it('drops a weak face as large as the photo (a false hit, not a ghost)', () => {
    const photos = findPhotos(
      [
        { box: { x: 80, y: 150, width: 220, height: 220 }, score: 0.9 },
        { box: { x: 500, y: 150, width: 210, height: 210 }, score: 0.3 },
      ],
      g,
      1,
    );
    expect(photos).toHaveLength(1);
  });
  it('drops a weak face touching the portrait: a ghost image is printed apart from it', () => {
    const portrait = { box: { x: 80, y: 150, width: 220, height: 220 }, score: 0.9 };
    // The names beside the portrait, read as a small face.
    const beside = { box: { x: 330, y: 120, width: 90, height: 90 }, score: 0.3 };
    const apart = { box: { x: 800, y: 400, width: 90, height: 90 }, score: 0.3 };
    expect(findPhotos([portrait, beside], g, 1).map((p) => p.kind)).toEqual(['photo']);
    expect(findPhotos([portrait, apart], g, 1).map((p) => p.kind)).toEqual([
      'photo',
      'ghost_photo',
    ]);
  });
  it('drops a weak face a few pixels off the portrait: that is the print beside it too', () => {
    const portrait = { box: { x: 80, y: 150, width: 220, height: 220 }, score: 0.9 };
    // With no border to see, the portrait grows to x 348; a surname 4 px past it read as a face.
    const offBorder = { box: { x: 352, y: 160, width: 78, height: 108 }, score: 0.19 };
    expect(findPhotos([portrait, offBorder], g, 1).map((p) => p.kind)).toEqual(['photo']);
  });
  it('takes no unsure face for a second ghost image when a sure one is found', () => {
    const portrait = { box: { x: 80, y: 150, width: 220, height: 220 }, score: 0.9 };
    const ghost = { box: { x: 800, y: 400, width: 90, height: 90 }, score: 0.7 };
    // A surname and a number above it, read as a small face at 0.16.
    const print = { box: { x: 500, y: 120, width: 45, height: 60 }, score: 0.16 };
    const photos = findPhotos([portrait, ghost, print], g, 1);
    expect(photos.map((p) => p.kind)).toEqual(['photo', 'ghost_photo']);
    expect(photos[1]!.face).toEqual(ghost.box);
  });
});

describe('a "face" on a field\'s print', () => {
  // A date of birth read surely, in two words, as a small card's field prints it.
  const words = ['25', 'DEC/DEC', '1997'].map((text, i) => ({
    text,
    box: { x: 300 + 60 * i, y: 400, width: 55, height: 20 },
    confidence: 93,
  }));
  const lines = [
    {
      text: '25 DEC/DEC 1997',
      box: { x: 300, y: 400, width: 175, height: 20 },
      confidence: 93,
      words,
    },
  ];
  const onDate = { box: { x: 400, y: 398, width: 26, height: 24 }, score: 0.51 };

  it('is not a face the model is unsure of, so it cannot become the portrait', () => {
    const apart = { box: { x: 40, y: 300, width: 90, height: 90 }, score: 0.4 };
    expect(facesOffPrint([onDate, apart], lines)).toEqual([apart]);
  });
  it('is not a face whose middle a line read surely runs through', () => {
    // Varied seed 111 nl-licence-front-60-scan: a 0.52 "face" on a licence's column of labels
    // and the dates' first digits, ghost-sized; its black covered names and date of birth.
    const field = (y: number, label: string, value: string) => ({
      text: `${label} ${value}`,
      box: { x: 175, y, width: 110, height: 13 },
      confidence: 90,
      words: [
        { text: label, box: { x: 175, y: y + 4, width: 8, height: 8 }, confidence: 90 },
        { text: value, box: { x: 193, y, width: 92, height: 13 }, confidence: 90 },
      ],
    });
    const column = [field(95, '2.', 'Sanne'), field(118, '3.', '21.06.1967')];
    const onLabels = { box: { x: 165, y: 102, width: 48, height: 57 }, score: 0.52 };
    expect(facesOffPrint([onLabels], column)).toEqual([]);
  });
  it('stays a face when only the edge of its box runs over the names beside the portrait', () => {
    // A small scan of a passport page: the model's box round the portrait (0.59) reached the
    // surname and given names printed right of it.
    const names = ['MARTIN', 'SARAH', 'CANADIAN'].map((text, i) => ({
      text,
      box: { x: 150, y: 80 + 40 * i, width: 90, height: 18 },
      confidence: 92,
    }));
    const beside = [{ text: 'MARTIN SARAH', box: names[0]!.box, confidence: 92, words: names }];
    const portrait = { box: { x: 0, y: 25, width: 194, height: 226 }, score: 0.59 };
    expect(facesOffPrint([portrait], beside)).toEqual([portrait]);
  });
  it('stays a face when the model is sure of it (a specimen prints words over its portrait)', () => {
    const sure = { ...onDate, score: 0.8 };
    expect(facesOffPrint([sure], lines)).toEqual([sure]);
  });
});
