// Tesseract's traineddata container, read and rewritten by hand: no npm package edits it, and
// the native `combine_tessdata` is not something the build can count on. The format is small:
// an int32 entry count, one int64 offset per component type (-1 when absent), then the
// components back to back; each runs to the next present offset or the end of the file.

/** Component types, as tesseract numbers them (tessdatamanager.h). */
export const COMPONENT = {
  wordDawg: 7,
  freqDawg: 9,
  bigramDawg: 14,
  lstm: 17,
  lstmPuncDawg: 18,
  lstmWordDawg: 19,
  lstmNumberDawg: 20,
  lstmUnicharset: 21,
  lstmRecoder: 22,
} as const;

/** Each present component's bytes, by type. */
export function readComponents(file: Uint8Array): Map<number, Uint8Array> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const count = view.getInt32(0, true);
  const offsets: [number, number][] = [];
  for (let type = 0; type < count; type++) {
    const offset = Number(view.getBigInt64(4 + type * 8, true));
    if (offset >= 0) offsets.push([type, offset]);
  }
  const starts = offsets.map(([, o]) => o).sort((a, b) => a - b);
  const components = new Map<number, Uint8Array>();
  for (const [type, offset] of offsets) {
    const end = starts.find((s) => s > offset) ?? file.byteLength;
    components.set(type, file.subarray(offset, end));
  }
  return components;
}

/** A traineddata file holding exactly these components (an entry table as long as `count`). */
export function writeComponents(components: Map<number, Uint8Array>, count: number): Uint8Array {
  const header = 4 + count * 8;
  const entries = [...components].sort(([a], [b]) => a - b);
  const out = new Uint8Array(entries.reduce((n, [, bytes]) => n + bytes.byteLength, header));
  const view = new DataView(out.buffer);
  view.setInt32(0, count, true);
  for (let type = 0; type < count; type++) view.setBigInt64(4 + type * 8, -1n, true);
  let at = header;
  for (const [type, bytes] of entries) {
    view.setBigInt64(4 + type * 8, BigInt(at), true);
    out.set(bytes, at);
    at += bytes.byteLength;
  }
  return out;
}

/** The same file without the components of the given types. */
export function withoutComponents(file: Uint8Array, drop: readonly number[]): Uint8Array {
  const count = new DataView(file.buffer, file.byteOffset, file.byteLength).getInt32(0, true);
  const kept = new Map([...readComponents(file)].filter(([type]) => !drop.includes(type)));
  return writeComponents(kept, count);
}
