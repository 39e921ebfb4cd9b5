import type { Box } from '../../shared/regions.ts';
import type { RawImage } from '../../electron/core/pipeline/raw-image.ts';

/**
 * A white page with a red square at `square`: a stand-in face that a fake face model finds by its
 * colour (and so sees only whole, in crops that hold all of it).
 */
export function pageWithRedSquare(size: { width: number; height: number }, square: Box): RawImage {
  const data = Buffer.alloc(size.width * size.height * 3, 255);
  for (let y = square.y; y < square.y + square.height; y++) {
    for (let x = square.x; x < square.x + square.width; x++) {
      const i = (y * size.width + x) * 3;
      data[i + 1] = 0;
      data[i + 2] = 0;
    }
  }
  return { data, ...size, dpi: null };
}

/** Where the red square lies on `img` (a crop of such a page), or null when none of it does. */
export function redSquare(img: RawImage): Box | null {
  let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[(y * img.width + x) * 3 + 1] !== 0) continue;
      box = box
        ? { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: x + 1, y1: y + 1 }
        : { x0: x, y0: y, x1: x + 1, y1: y + 1 };
    }
  }
  return box && { x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0 };
}
