import { describe, expect, it } from 'vitest';
import {
  readComponents,
  withoutComponents,
  writeComponents,
} from '../../../scripts/tessdata/traineddata.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('traineddata container', () => {
  const file = writeComponents(
    new Map([
      [1, bytes(1, 1, 1)],
      [7, bytes(7)],
      [17, bytes(17, 17)],
      [23, bytes(23, 23, 23, 23)],
    ]),
    24,
  );

  it('reads back each component written, whatever its size', () => {
    const parts = readComponents(file);
    expect([...parts.keys()].sort((a, b) => a - b)).toEqual([1, 7, 17, 23]);
    expect([...(parts.get(17) as Uint8Array)]).toEqual([17, 17]);
    expect([...(parts.get(23) as Uint8Array)]).toEqual([23, 23, 23, 23]);
  });

  it('drops the named components and keeps every other one byte for byte', () => {
    const stripped = withoutComponents(file, [7, 17]);
    const parts = readComponents(stripped);
    expect([...parts.keys()].sort((a, b) => a - b)).toEqual([1, 23]);
    expect([...(parts.get(1) as Uint8Array)]).toEqual([1, 1, 1]);
    expect([...(parts.get(23) as Uint8Array)]).toEqual([23, 23, 23, 23]);
    // Tesseract reads the entry table's length from the file: it must stay as it was.
    expect(new DataView(stripped.buffer).getInt32(0, true)).toBe(24);
    expect(stripped.byteLength).toBe(file.byteLength - 3);
  });
});
