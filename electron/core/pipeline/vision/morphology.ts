import type { Box } from '../../../../shared/regions.ts';
import type { Gray } from './gray.ts';

// Small image operators written by hand: sharp has no connected components or run-length
// smearing, and an image-processing library (OpenCV wasm) would add ~10 MB for four loops.

/**
 * Maxima of windows `r` either side along `lines` lines of `n` values, line `j`'s value `i` at
 * `j * lineStep + i * step` in `src`, written to `dst` the same way. Van Herk and Gil-Werman's
 * blocks: a window 2r+1 long spans at most two blocks of that length, so its maximum is one
 * block's running maximum from the left and the other's from the right, a few comparisons a
 * value whatever the radius. (The first version compared every value of every window: on the
 * MRZ, skew, red-print and perforation maps, radii of 2–8 px and a red line's fifth on its crop,
 * it was among the main thread's largest costs.)
 * Each line is padded with `r` zeros either side: as values are never below zero, a window cut
 * by the image's edge is unchanged.
 */
function maxAlong(
  src: Uint8Array,
  dst: Uint8Array,
  n: number,
  lines: number,
  step: number,
  lineStep: number,
  r: number,
): void {
  const k = 2 * r + 1;
  const length = Math.ceil((n + 2 * r) / k) * k;
  const line = new Uint8Array(length);
  const ahead = new Uint8Array(length);
  const back = new Uint8Array(length);
  for (let j = 0; j < lines; j++) {
    const base = j * lineStep;
    for (let i = 0; i < n; i++) line[r + i] = src[base + i * step] as number;
    for (let b = 0; b < length; b += k) {
      let m = 0;
      for (let i = b; i < b + k; i++) {
        const v = line[i] as number;
        m = v > m ? v : m;
        ahead[i] = m;
      }
      m = 0;
      for (let i = b + k - 1; i >= b; i--) {
        const v = line[i] as number;
        m = v > m ? v : m;
        back[i] = m;
      }
    }
    // Output value i's window is the padded line's [i, i + 2r].
    for (let i = 0; i < n; i++) {
      const a = back[i] as number;
      const c = ahead[i + 2 * r] as number;
      dst[base + i * step] = a > c ? a : c;
    }
  }
}

/** Maximum over a (2rx+1) × (2ry+1) window, computed separably. */
export function maxFilter(src: Gray, rx: number, ry: number): Gray {
  const { width: w, height: h } = src;
  const tmp = new Uint8Array(w * h);
  const out = new Uint8Array(w * h);
  maxAlong(src.data, tmp, w, h, 1, w, rx);
  maxAlong(tmp, out, h, w, w, 1, ry);
  return { data: out, width: w, height: h };
}

/** Minimum over a (2rx+1) × (2ry+1) window: the maximum of the values turned over. */
export function minFilter(src: Gray, rx: number, ry: number): Gray {
  const turned = maxFilter({ ...src, data: src.data.map((v) => 255 - v) }, rx, ry);
  return { ...src, data: turned.data.map((v) => 255 - v) };
}

/** "Black-hat": how much darker each pixel is than its light surroundings (dark ink = high). */
export function darkness(src: Gray, rx: number, ry: number): Gray {
  const bright = maxFilter(src, rx, ry);
  const out = new Uint8Array(src.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (bright.data[i] ?? 0) - (src.data[i] ?? 0);
  return { data: out, width: src.width, height: src.height };
}

/**
 * The surroundings' light counts as at least this much: on a dark table, noise a few levels deep
 * against a near-black surrounding would otherwise weigh as much as print on paper.
 */
const DIM_LIGHT = 100;

/**
 * Darkness as a share of the surroundings' light, scaled so that ink at a fifth of its paper's
 * light scores about 160 wherever it lies: print in a shadow is as dark against its shadowed paper
 * as print in the light is against its own, though far fewer levels deep.
 */
export function relativeDarkness(src: Gray, rx: number, ry: number): Gray {
  const dark = darkness(src, rx, ry);
  const out = new Uint8Array(dark.data.length);
  for (let i = 0; i < out.length; i++) {
    const depth = dark.data[i] ?? 0;
    const light = depth + (src.data[i] ?? 0);
    out[i] = Math.min(255, Math.round((depth * 200) / Math.max(light, DIM_LIGHT)));
  }
  return { data: out, width: src.width, height: src.height };
}

/** Otsu's threshold of an 8-bit image. */
export function otsu(src: Gray): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of src.data) hist[v] = (hist[v] ?? 0) + 1;
  const total = src.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (hist[i] ?? 0);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 0;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] ?? 0;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] ?? 0);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** 1 where src > threshold. */
export function binarize(src: Gray, threshold: number): Uint8Array {
  const out = new Uint8Array(src.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (src.data[i] ?? 0) > threshold ? 1 : 0;
  return out;
}

/** Share of `box`'s pixels set in the 0/1 mask `bin` (`width` wide). */
export function setShare(bin: Uint8Array, width: number, box: Box): number {
  let set = 0;
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++) set += bin[y * width + x] ?? 0;
  return set / Math.max(1, box.width * box.height);
}

/** Run-length smoothing: fills horizontal gaps of at most `gap` pixels between set pixels. */
export function smearRows(bin: Uint8Array, width: number, height: number, gap: number): Uint8Array {
  const out = Uint8Array.from(bin);
  for (let y = 0; y < height; y++) {
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (bin[y * width + x]) {
        if (last >= 0 && x - last - 1 <= gap) out.fill(1, y * width + last + 1, y * width + x);
        last = x;
      }
    }
  }
  return out;
}

export interface Component {
  box: Box;
  pixels: number;
}

/** Bounding boxes of 4-connected components of set pixels. */
export function components(
  bin: Uint8Array,
  width: number,
  height: number,
  minPixels = 4,
): Component[] {
  const label = new Int32Array(bin.length);
  const stack: number[] = [];
  const found: Component[] = [];
  for (let start = 0; start < bin.length; start++) {
    if (!bin[start] || label[start]) continue;
    let x0 = width;
    let y0 = height;
    let x1 = 0;
    let y1 = 0;
    let pixels = 0;
    label[start] = 1;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop() as number;
      const x = i % width;
      const y = (i - x) / width;
      pixels++;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      for (const n of [
        x > 0 ? i - 1 : -1,
        x < width - 1 ? i + 1 : -1,
        y > 0 ? i - width : -1,
        y < height - 1 ? i + width : -1,
      ]) {
        if (n >= 0 && bin[n] && !label[n]) {
          label[n] = 1;
          stack.push(n);
        }
      }
    }
    if (pixels >= minPixels)
      found.push({ box: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }, pixels });
  }
  return found;
}

/**
 * Only the set pixels in patches no larger than `maxSide` either way: characters kept, rules,
 * bars, pens and outlines dropped.
 */
export function smallParts(
  bin: Uint8Array,
  width: number,
  height: number,
  maxSide: number,
): Uint8Array {
  const out = new Uint8Array(bin.length);
  for (const { box } of components(bin, width, height)) {
    if (Math.max(box.width, box.height) > maxSide) continue;
    for (let y = box.y; y < box.y + box.height; y++)
      for (let x = box.x; x < box.x + box.width; x++) out[y * width + x] = bin[y * width + x] ?? 0;
  }
  return out;
}

/**
 * Splits a blob of touching text lines (tight MRZ line spacing makes them merge) at the rows
 * where few pixels are set, returning one box per line.
 */
export function splitLines(bin: Uint8Array, width: number, box: Box, minFill = 0.35): Box[] {
  const rows: { y: number; x0: number; x1: number; count: number }[] = [];
  for (let y = box.y; y < box.y + box.height; y++) {
    let count = 0;
    let x0 = box.x + box.width;
    let x1 = box.x;
    for (let x = box.x; x < box.x + box.width; x++) {
      if (bin[y * width + x]) {
        count++;
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
      }
    }
    rows.push({ y, x0, x1, count });
  }
  const out: Box[] = [];
  let run: typeof rows = [];
  const flush = () => {
    if (run.length >= 3) {
      const x0 = Math.min(...run.map((r) => r.x0));
      const x1 = Math.max(...run.map((r) => r.x1));
      out.push({ x: x0, y: (run[0] as { y: number }).y, width: x1 - x0 + 1, height: run.length });
    }
    run = [];
  };
  for (const r of rows) {
    if (r.count >= minFill * box.width) run.push(r);
    else flush();
  }
  flush();
  return out;
}
