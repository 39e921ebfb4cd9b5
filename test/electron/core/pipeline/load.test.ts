import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadImage, loadPages } from '../../../../electron/core/pipeline/load.ts';
import { DEFAULT_LIMITS } from '../../../../shared/limits.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { animatedWebp, codeOf, pngClaiming } from '../../../helpers/hostile.ts';
import { testPicture } from '../../../helpers/images.ts';

describe('loading untrusted files', () => {
  it('decodes JPEG, PNG, WebP and TIFF into RGB pixels of the displayed size', async () => {
    const png = await testPicture(64, 48);
    for (const fmt of ['jpeg', 'png', 'webp', 'tiff'] as const) {
      const bytes = await sharp(png).toFormat(fmt).toBuffer();
      const img = await loadImage(bytes);
      expect([img.width, img.height, img.data.length], fmt).toEqual([64, 48, 64 * 48 * 3]);
    }
  });

  it('keeps a scanner resolution but ignores a camera 72 dpi', async () => {
    const png = await testPicture(64, 48);
    expect(
      (await loadImage(await sharp(png).withMetadata({ density: 300 }).png().toBuffer())).dpi,
    ).toBe(300);
    expect(
      (await loadImage(await sharp(png).withMetadata({ density: 72 }).jpeg().toBuffer())).dpi,
    ).toBeNull();
  });

  it.each<[string, () => Promise<Buffer> | Buffer, ErrorCode]>([
    ['an empty file', () => Buffer.alloc(0), 'EMPTY_FILE'],
    [
      'a text file named .jpg',
      () => Buffer.from('hello, this is not an image\n'),
      'UNSUPPORTED_FORMAT',
    ],
    ['a PDF', () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'UNSUPPORTED_FORMAT'],
    [
      'a GIF',
      () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary'),
      'UNSUPPORTED_FORMAT',
    ],
    ['a PNG claiming 60000×60000', () => pngClaiming(60000, 60000), 'TOO_MANY_PIXELS'],
    [
      'random bytes after a JPEG marker',
      () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(500, 7)]),
      'CORRUPT_FILE',
    ],
    [
      'a truncated JPEG',
      async () => {
        const jpg = await sharp(await testPicture(200, 150))
          .jpeg()
          .toBuffer();
        return jpg.subarray(0, Math.floor(jpg.length / 2));
      },
      'CORRUPT_FILE',
    ],
    [
      'a truncated PNG',
      async () => {
        const png = await testPicture(200, 150);
        return png.subarray(0, Math.floor(png.length / 2));
      },
      'CORRUPT_FILE',
    ],
  ])('refuses %s with a clear error within 2 s', async (_, make, expected) => {
    const bytes = await make();
    const t0 = performance.now();
    expect(await codeOf(loadImage(bytes))).toBe(expected);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('refuses a file over the size cap before decoding', async () => {
    const bytes = await testPicture(32, 32);
    expect(await codeOf(loadImage(bytes, { ...DEFAULT_LIMITS, maxBytes: 100 }))).toBe(
      'FILE_TOO_LARGE',
    );
  });

  it('stays usable after refusing bad files', async () => {
    await codeOf(loadImage(Buffer.from('junk')));
    await codeOf(loadImage(pngClaiming(60000, 60000)));
    const img = await loadImage(await testPicture(40, 20));
    expect(img.width).toBe(40);
  });

  it('takes each page of a TIFF as a side, and refuses a moving WebP rather than use one frame', async () => {
    const pages = [await testPicture(300, 200), await testPicture(300, 200)];
    const tiff = await sharp(pages, { join: { animated: true } })
      .tiff()
      .toBuffer();
    expect((await loadPages(tiff)).map((p) => [p.width, p.height])).toEqual([
      [300, 200],
      [300, 200],
    ]);
    const still = await sharp(pages[0]).webp().toBuffer();
    await expect(loadPages(animatedWebp([still, still, still], 300, 200))).rejects.toMatchObject({
      code: 'ANIMATED_IMAGE',
      params: { frames: 3 },
    });
  });

  it('refuses a shape no document fits in, with its size', async () => {
    const strip = await sharp({
      create: { width: 10, height: 100_000, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    await expect(loadImage(strip)).rejects.toMatchObject({
      code: 'ODD_SHAPE',
      params: { width: 10, height: 100_000 },
    });
  });
});
