import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's `heif-enc` (package libheif-examples) encodes HEVC HEIC like a phone does. */
export function heifEncAvailable(): boolean {
  try {
    execFileSync('heif-enc', ['--help'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    // heif-enc exits 1 after printing its help.
    return (e as { status?: number }).status === 1;
  }
}

/** Encodes a PNG/JPEG as HEIC (HEVC) with heif-enc. */
export function encodeHeic(image: Buffer, quality = 85): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'vk-heic-'));
  try {
    const input = path.join(dir, 'in.png');
    const output = path.join(dir, 'out.heic');
    writeFileSync(input, image);
    execFileSync('heif-enc', ['-q', String(quality), input, '-o', output], { stdio: 'ignore' });
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Box {
  type: string;
  start: number;
  size: number;
  header: number;
}

function children(buf: Buffer, from: number, to: number): Box[] {
  const out: Box[] = [];
  for (let o = from; o + 8 <= to;) {
    const size = buf.readUInt32BE(o);
    out.push({ type: buf.toString('latin1', o + 4, o + 8), start: o, size, header: 8 });
    o += size;
  }
  return out;
}

const find = (boxes: Box[], type: string): Box => {
  const box = boxes.find((b) => b.type === type);
  if (!box) throw new Error(`no ${type} box`);
  return box;
};

function uint(buf: Buffer, at: number, bytes: number): number {
  return bytes === 0 ? 0 : bytes === 2 ? buf.readUInt16BE(at) : buf.readUInt32BE(at);
}
function setUint(buf: Buffer, at: number, bytes: number, value: number): void {
  if (bytes === 2) buf.writeUInt16BE(value, at);
  else if (bytes === 4) buf.writeUInt32BE(value, at);
}

/** Moves every file offset in the iloc box (construction method 0) by `delta` bytes. */
function shiftIloc(iloc: Buffer, delta: number): void {
  const version = iloc[8] as number;
  const offsetSize = (iloc[12] as number) >> 4;
  const lengthSize = (iloc[12] as number) & 15;
  const baseSize = (iloc[13] as number) >> 4;
  const indexSize = version > 0 ? (iloc[13] as number) & 15 : 0;
  let o = 14;
  const count = version < 2 ? iloc.readUInt16BE(o) : iloc.readUInt32BE(o);
  o += version < 2 ? 2 : 4;
  for (let i = 0; i < count; i++) {
    o += version < 2 ? 2 : 4;
    const method = version > 0 ? iloc.readUInt16BE(o) & 15 : 0;
    if (version > 0) o += 2;
    o += 2;
    const baseAt = o;
    const base = uint(iloc, o, baseSize);
    o += baseSize;
    const extents = iloc.readUInt16BE(o);
    o += 2;
    if (method === 0 && base > 0) setUint(iloc, baseAt, baseSize, base + delta);
    for (let e = 0; e < extents; e++) {
      o += indexSize;
      if (method === 0 && base === 0)
        setUint(iloc, o, offsetSize, uint(iloc, o, offsetSize) + delta);
      o += offsetSize + lengthSize;
    }
  }
}

/**
 * Adds an `irot` property (counter-clockwise quarter turns) to the primary image, as iPhones
 * store a photo taken in portrait: the coded pixels stay as they are, viewers turn them.
 * heif-enc cannot write one, so the boxes are edited: ipco gains the property, ipma links it,
 * and the file offsets of the data after `meta` move by the bytes added.
 */
export function withRotation(heic: Buffer, quarterTurnsCcw: 1 | 2 | 3): Buffer {
  const top = children(heic, 0, heic.length);
  const meta = find(top, 'meta');
  const metaKids = children(heic, meta.start + 12, meta.start + meta.size);
  const pitm = find(metaKids, 'pitm');
  const primary = heic.readUInt16BE(pitm.start + 12);
  const iprp = find(metaKids, 'iprp');
  const iprpKids = children(heic, iprp.start + 8, iprp.start + iprp.size);
  const ipco = find(iprpKids, 'ipco');
  const ipma = find(iprpKids, 'ipma');
  const properties = children(heic, ipco.start + 8, ipco.start + ipco.size).length;

  const irot = Buffer.from([0, 0, 0, 9, 0x69, 0x72, 0x6f, 0x74, quarterTurnsCcw]);
  const newIpco = Buffer.concat([heic.subarray(ipco.start, ipco.start + ipco.size), irot]);
  newIpco.writeUInt32BE(newIpco.length, 0);

  const old = heic.subarray(ipma.start, ipma.start + ipma.size);
  const version = old[8] as number;
  const wide = ((old[11] as number) & 1) === 1;
  const parts: Buffer[] = [old.subarray(0, 16)];
  let o = 16;
  for (let n = old.readUInt32BE(12); n > 0; n--) {
    const idBytes = version < 1 ? 2 : 4;
    const id = uint(old, o, idBytes);
    const count = old[o + idBytes] as number;
    const end = o + idBytes + 1 + count * (wide ? 2 : 1);
    if (id !== primary) parts.push(old.subarray(o, end));
    else {
      const entry = Buffer.from(old.subarray(o, end));
      entry[idBytes] = count + 1;
      const link = wide
        ? Buffer.from([0x80 | ((properties + 1) >> 8), (properties + 1) & 0xff])
        : Buffer.from([0x80 | (properties + 1)]);
      parts.push(entry, link);
    }
    o = end;
  }
  const newIpma = Buffer.concat(parts);
  newIpma.writeUInt32BE(newIpma.length, 0);

  const newIprp = Buffer.concat([
    heic.subarray(iprp.start, iprp.start + 8),
    ...iprpKids.map((k) =>
      k === ipco ? newIpco : k === ipma ? newIpma : heic.subarray(k.start, k.start + k.size),
    ),
  ]);
  newIprp.writeUInt32BE(newIprp.length, 0);
  const delta = newIprp.length - iprp.size;
  const newMetaKids = metaKids.map((k) => {
    if (k === iprp) return newIprp;
    const copy = Buffer.from(heic.subarray(k.start, k.start + k.size));
    if (k.type === 'iloc') shiftIloc(copy, delta);
    return copy;
  });
  const newMeta = Buffer.concat([heic.subarray(meta.start, meta.start + 12), ...newMetaKids]);
  newMeta.writeUInt32BE(newMeta.length, 0);
  return Buffer.concat(
    top.map((b) => (b === meta ? newMeta : heic.subarray(b.start, b.start + b.size))),
  );
}
