import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { boxToRect } from '../../../../../shared/regions.ts';
import { encodeCopy } from '../../../../../electron/core/pipeline/export/index.ts';
import { redactDocument } from '../../../../../electron/core/pipeline/index.ts';
import { decodeRaw, maxInBox, testPicture } from '../../../../helpers/images.ts';
import { cameraJpegOf } from '../../../../helpers/camera-metadata.ts';
import { pdfImages } from '../../../../helpers/pdf.ts';

const CANARIES = ['CANARY-ARTIST', 'CANARY-XMP', 'CANARY-THUMB', 'CANARY-COMMENT'];

/** Inserts a JPEG APPn segment right after SOI. */
function withSegment(jpeg: Buffer, marker: number, payload: Buffer): Buffer {
  const len = Buffer.alloc(2);
  len.writeUInt16BE(payload.length + 2);
  return Buffer.concat([
    jpeg.subarray(0, 2),
    Buffer.from([0xff, marker]),
    len,
    payload,
    jpeg.subarray(2),
  ]);
}

/** A "camera" JPEG: EXIF with artist and GPS, XMP, a comment and an embedded thumbnail-like JPEG. */
async function cameraJpeg(): Promise<Buffer> {
  const base = await cameraJpegOf(await testPicture(300, 200), {
    artist: CANARIES[0]!,
    creator: CANARIES[1]!,
  });
  const thumb = await sharp(await testPicture(40, 30))
    .jpeg()
    .withExif({ IFD0: { ImageDescription: CANARIES[2]! } })
    .toBuffer();
  return withSegment(
    withSegment(base, 0xe2, Buffer.concat([Buffer.from('THUMB\0'), thumb])),
    0xfe,
    Buffer.from(CANARIES[3]!),
  );
}

describe('exports carry no metadata', () => {
  it('the camera JPEG really carries the canaries (the test would catch a leak)', async () => {
    const input = (await cameraJpeg()).toString('latin1');
    for (const c of CANARIES) expect(input.includes(c), c).toBe(true);
    const meta = await sharp(await cameraJpeg()).metadata();
    expect(meta.exif).toBeDefined();
    expect(meta.xmp).toBeDefined();
  });

  it.each(['pdf', 'png', 'jpeg'] as const)('%s output holds none of it', async (format) => {
    const result = await redactDocument({
      sides: [await cameraJpeg()],
      settings: { detect: false, keep: [], lang: 'nl', watermark: null },
      extraRegions: [
        {
          id: 'm',
          kind: 'manual',
          shape: { type: 'rect', rect: boxToRect({ x: 10, y: 10, width: 50, height: 30 }) },
          source: 'manual',
          confidence: 1,
          label: '',
          side: 0,
        },
      ],
    });
    const bytes = Buffer.from(
      await encodeCopy(
        result.sides.map((s) => s.image),
        format,
      ),
    );
    const text = bytes.toString('latin1');
    for (const c of [...CANARIES, 'CanaryCam', 'Exif', 'http://ns.adobe.com', 'GPS'])
      expect(text.includes(c), c).toBe(false);
    const images = format === 'pdf' ? (await pdfImages(bytes)).map((i) => i.data) : [bytes];
    for (const img of images) {
      const meta = await sharp(img).metadata();
      expect(meta.exif, 'exif').toBeUndefined();
      expect(meta.xmp, 'xmp').toBeUndefined();
      expect(meta.icc, 'icc').toBeUndefined();
      expect(meta.iptc, 'iptc').toBeUndefined();
      expect(
        maxInBox(await decodeRaw(img), { x: 10, y: 10, width: 50, height: 30 }),
      ).toBeLessThanOrEqual(12);
    }
    if (format === 'png') expect(text.indexOf('IEND')).toBe(bytes.length - 8);
    if (format === 'jpeg') expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });
});
