import { crc32, deflateSync } from 'node:zlib';
import { VkError, type ErrorCode } from '../../shared/errors.ts';

/** The error code a piece of work ends with, 'ok' when it succeeds; anything else is a bug. */
export async function codeOf(work: Promise<unknown>): Promise<ErrorCode | 'ok'> {
  try {
    await work;
    return 'ok';
  } catch (e) {
    if (e instanceof VkError) return e.code;
    throw e;
  }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A well-formed, tiny PNG whose header claims width × height (a decompression bomb's calling card). */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'binary'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.alloc(10)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A baseline JPEG header whose frame claims width × height, followed by junk. */
export function jpegClaiming(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.alloc(64, 0x55)]);
}

/** A PDF of the given objects (numbered from 1, the first the catalog) with a correct xref table. */
export function rawPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body),
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
  ].join('\n');
  return Buffer.concat([...parts, Buffer.from(xref + '\n')]);
}

/** A stream object with its bytes Flate-compressed. */
function flateStream(dict: string, bytes: Buffer): Buffer {
  const packed = deflateSync(bytes, { level: 9 });
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`),
    packed,
    Buffer.from('\nendstream'),
  ]);
}

/** One A4 page whose content stream is `content`, with `extra` objects after it (from 5). */
function onePage(content: Buffer, resources = '<< >>', extra: (string | Buffer)[] = []): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources ${resources} >>`,
    flateStream('', content),
    ...extra,
  ]);
}

/** A page tree whose only kid is the tree itself: pdf.js fails inside getPage. */
export function cyclicPagesPdf(): Buffer {
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
}

/** A page showing one side × side grey image, a few hundred KB of Flate zeros. */
export function hugeImagePdf(side = 20000): Buffer {
  const image = flateStream(
    `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8`,
    Buffer.alloc(side * side),
  );
  return onePage(Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q'), '<< /XObject << /Im0 5 0 R >> >>', [
    image,
  ]);
}

/** A page of `count` tiny filled rectangles: a few KB that make a renderer work for minutes. */
export function manyOperatorsPdf(count = 1_000_000): Buffer {
  return onePage(Buffer.from('0 0 1 1 re f\n'.repeat(count)));
}

/** A page whose content is one array nested `depth` deep. */
export function nestedArraysPdf(depth = 100_000): Buffer {
  return onePage(Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)} pop`));
}

function riffChunk(type: string, data: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(data.length);
  return Buffer.concat([Buffer.from(type), size, data, Buffer.alloc(data.length % 2)]);
}

const u24 = (v: number) => Buffer.from([v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff]);

/**
 * An animated WebP of the given still WebPs (simple lossy files of one size), put together by
 * hand from the container's chunks: sharp writes animations only from animated input.
 */
export function animatedWebp(frames: Buffer[], width: number, height: number): Buffer {
  const vp8x = Buffer.concat([Buffer.from([0x02, 0, 0, 0]), u24(width - 1), u24(height - 1)]);
  const anim = Buffer.from([255, 255, 255, 255, 0, 0]);
  const anmf = frames.map((still) => {
    const image = still.subarray(12); // the still's own VP8 chunk, after RIFF….WEBP
    const header = Buffer.concat([
      u24(0),
      u24(0),
      u24(width - 1),
      u24(height - 1),
      u24(100),
      Buffer.from([0]),
    ]);
    return riffChunk('ANMF', Buffer.concat([header, image]));
  });
  const body = Buffer.concat([
    Buffer.from('WEBP'),
    riffChunk('VP8X', vp8x),
    riffChunk('ANIM', anim),
    ...anmf,
  ]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF'), size, body]);
}
