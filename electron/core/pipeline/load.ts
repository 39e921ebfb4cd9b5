import sharp from 'sharp';
import { VkError } from '../../../shared/errors.ts';
import { DEFAULT_LIMITS, type Limits } from '../../../shared/limits.ts';
import { RAW_CHANNELS, type RawImage } from './raw-image.ts';
import { decodeHeicImage } from './input/heic.ts';
import { renderPdfPages } from './input/pdf.ts';
import { sniffFormat } from './sniff.ts';
import { withTimeout } from './timeout.ts';

// Nothing may be kept: libvips' operation cache holds decoded pixels between calls.
sharp.cache(false);

const MB = 1024 * 1024;

/** Reads the header only, so oversized images are refused in milliseconds. */
async function readHeader(bytes: Buffer, limits: Limits, page = 0): Promise<sharp.Metadata> {
  try {
    return await withTimeout(
      sharp(bytes, { limitInputPixels: false, page }).metadata(),
      limits.stepTimeoutMs,
    );
  } catch (e) {
    if (e instanceof VkError) throw e;
    throw new VkError('CORRUPT_FILE');
  }
}

function plausibleDpi(meta: sharp.Metadata): number | null {
  const dpi = meta.density;
  // Cameras write 72 (or 96) whatever the scale; only scanner-like values say something real.
  if (!dpi || dpi < 100 || dpi > 1200) return null;
  return dpi;
}

/** Longest over shortest side: a panorama is ~4, a strip of a scan no document fits in is more. */
const MAX_ASPECT = 8;
const MIN_SIDE_PX = 16;

/** Refuses an image no document fits in (10 × 100000 px, say), before detection meets it. */
export function refuseOddShape(width: number, height: number): void {
  const short = Math.min(width, height);
  if (short < MIN_SIDE_PX || Math.max(width, height) / short > MAX_ASPECT)
    throw new VkError('ODD_SHAPE', { width, height });
}

function checkSize(bytes: Buffer, limits: Limits): void {
  if (bytes.length === 0) throw new VkError('EMPTY_FILE');
  if (bytes.length > limits.maxBytes) {
    throw new VkError('FILE_TOO_LARGE', {
      sizeMb: Math.ceil(bytes.length / MB),
      limitMb: Math.floor(limits.maxBytes / MB),
    });
  }
}

/**
 * Every page of an input file as display-oriented RGB pixels, or a typed error: a PDF or a
 * multi-page TIFF gives one image per page, a photo or scan one image. `onPage` is called as
 * each page starts. This runs on the calling thread: untrusted files go through `decodeFile`
 * (input/decoder.ts), which runs it where it can be stopped.
 */
export async function loadPages(
  bytes: Buffer,
  limits: Limits = DEFAULT_LIMITS,
  onPage: () => void = () => undefined,
): Promise<RawImage[]> {
  checkSize(bytes, limits);
  const format = sniffFormat(bytes);
  if (format === 'pdf') return renderPdfPages(bytes, limits, onPage);
  onPage();
  if (format === 'heic') return [await decodeHeicImage(bytes, limits)];
  const frames = format === 'tiff' || format === 'webp' ? await frameCount(bytes, limits) : 1;
  // A moving WebP is not a document; a TIFF's pages are sides, as a PDF's are.
  if (frames > 1 && format === 'webp') throw new VkError('ANIMATED_IMAGE', { frames });
  if (frames > limits.maxPages)
    throw new VkError('TOO_MANY_PAGES', { pages: frames, limit: limits.maxPages });
  const pages = [await loadImage(bytes, limits)];
  for (let page = 1; page < frames; page++) {
    onPage();
    pages.push(await loadImage(bytes, limits, page));
  }
  return pages;
}

async function frameCount(bytes: Buffer, limits: Limits): Promise<number> {
  return (await readHeader(bytes, limits)).pages ?? 1;
}

/**
 * Turns untrusted image bytes into display-oriented RGB pixels, or a typed error.
 * Every coordinate elsewhere refers to this image: EXIF orientation is applied here, once.
 */
export async function loadImage(
  bytes: Buffer,
  limits: Limits = DEFAULT_LIMITS,
  page = 0,
): Promise<RawImage> {
  checkSize(bytes, limits);
  const format = sniffFormat(bytes);
  if (format === null || format === 'pdf' || format === 'heic')
    throw new VkError('UNSUPPORTED_FORMAT');

  const meta = await readHeader(bytes, limits, page);
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (!meta.width || !meta.height) throw new VkError('CORRUPT_FILE');
  refuseOddShape(meta.width, meta.height);
  if (pixels > limits.maxPixels) {
    throw new VkError('TOO_MANY_PIXELS', {
      megapixels: Math.round(pixels / 1e6),
      limit: Math.round(limits.maxPixels / 1e6),
    });
  }

  try {
    const { data, info } = await withTimeout(
      sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'truncated', page })
        .rotate()
        .flatten({ background: '#ffffff' })
        .toColourspace('srgb')
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true }),
      limits.stepTimeoutMs,
    );
    if (info.channels !== RAW_CHANNELS) throw new VkError('CORRUPT_FILE');
    return { data, width: info.width, height: info.height, dpi: plausibleDpi(meta) };
  } catch (e) {
    if (e instanceof VkError) throw e;
    throw new VkError('CORRUPT_FILE');
  }
}
