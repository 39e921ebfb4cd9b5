import { describe, expect, it } from 'vitest';
import { hitWarnings } from '../../../../electron/core/pipeline/safe-copy.ts';
import type { RawImage } from '../../../../electron/core/pipeline/raw-image.ts';

const image = (width: number, height: number): RawImage => ({
  data: Buffer.alloc(width * height * 3),
  width,
  height,
  dpi: null,
});

describe('what the self-check still read, as warnings', () => {
  it('gives one warning per kind and side, pointing at its hits on the image', () => {
    // The German visa: its MRZ band read out to where its lines would run, past both edges.
    const warnings = hitWarnings(
      [
        {
          kind: 'mrz',
          side: 0,
          box: { x: -150, y: 228, width: 899, height: 170 },
          via: 'mrz-band',
        },
        { kind: 'mrz', side: 0, box: { x: 20, y: 300, width: 100, height: 20 }, via: 'mrz-text' },
        { kind: 'photo', side: 1, box: { x: 10, y: 10, width: 50, height: 60 }, via: 'face' },
      ],
      [image(599, 417), image(300, 200)],
    );
    expect(warnings).toEqual([
      {
        code: 'selfcheck_found',
        kind: 'mrz',
        side: 0,
        spot: { x: 0, y: 228, width: 599, height: 170 },
      },
      {
        code: 'selfcheck_found',
        kind: 'photo',
        side: 1,
        spot: { x: 10, y: 10, width: 50, height: 60 },
      },
    ]);
  });
});
