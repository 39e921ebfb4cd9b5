import sharp from 'sharp';

/**
 * A one-frame Y4M video (4:2:0) of a picture: what Chromium's fake camera plays
 * (--use-file-for-fake-video-capture), so the capture flow films a known document.
 */
export async function y4mOf(picture: Buffer, width: number): Promise<Buffer> {
  const { data, info } = await sharp(picture)
    .resize({ width: width & ~1 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const w = info.width & ~1;
  const h = info.height & ~1;
  const y = Buffer.alloc(w * h);
  const u = Buffer.alloc((w / 2) * (h / 2));
  const v = Buffer.alloc((w / 2) * (h / 2));
  const rgb = (x: number, yy: number) => {
    const i = (yy * info.width + x) * 3;
    return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0] as const;
  };
  for (let yy = 0; yy < h; yy++)
    for (let x = 0; x < w; x++) {
      const [r, g, b] = rgb(x, yy);
      y[yy * w + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }
  // Full-range BT.601 chroma, averaged over each 2×2 block (C420jpeg).
  for (let yy = 0; yy < h; yy += 2)
    for (let x = 0; x < w; x += 2) {
      let cb = 0;
      let cr = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const [r, g, b] = rgb(x + dx, yy + dy);
        cb += 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
        cr += 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
      }
      const i = (yy / 2) * (w / 2) + x / 2;
      u[i] = Math.round(cb / 4);
      v[i] = Math.round(cr / 4);
    }
  const header = `YUV4MPEG2 W${w} H${h} F1:1 Ip A1:1 C420jpeg\n`;
  return Buffer.concat([Buffer.from(header), Buffer.from('FRAME\n'), y, u, v]);
}
