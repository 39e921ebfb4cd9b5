import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeFile, decoderRunning } from '../../../../../electron/core/pipeline/input/decoder.ts';

const png = (width: number) =>
  sharp({ create: { width, height: 40, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();

describe('the decoding thread', () => {
  it('decodes files handed over together, in turn, and ends once none is left', async () => {
    const files = await Promise.all([png(30), png(50), png(70)]);
    const pages = await Promise.all(files.map((f) => decodeFile(f)));
    expect(pages.map(([p]) => p?.width)).toEqual([30, 50, 70]);
    // Its heap and libvips' buffers are not held beside the job until the next file.
    expect(decoderRunning()).toBe(false);
  });

  it('starts again for the next file', async () => {
    const [page] = await decodeFile(await png(90));
    expect(page?.width).toBe(90);
    expect(decoderRunning()).toBe(false);
  });
});
