import sharp from 'sharp';
import { readBarcodes, type ReadInputBarcodeFormat } from 'zxing-wasm';
import { centreIn, polygonBounds, scaleBox, type Box } from '../../../../shared/regions.ts';
import { rawInput, type RawImage } from '../raw-image.ts';
import type { FaceBox } from './faces.ts';
import type { Finding } from './finding.ts';
import { ensureZxing } from './zxing.ts';

/** 2D codes on ID documents (the 2021 Dutch ID card's QR holds the BSN; US cards carry PDF417). */
const FORMATS: ReadInputBarcodeFormat[] = [
  'QRCode',
  'MicroQRCode',
  'DataMatrix',
  'PDF417',
  'Aztec',
];
const MAX_SIDE = 2000;

/** Finds 2D barcodes with zxing (wasm, shipped locally); returns their outlines, never their content. */
export async function findBarcodes(img: RawImage): Promise<Finding[]> {
  await ensureZxing();
  const scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height));
  const { data: grey, info } = await sharp(img.data, rawInput(img))
    .resize({ width: Math.round(img.width * scale) })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Handed over as pixels, grey in all three channels (zxing takes their luminance, which is the
  // grey itself): a PNG written here and decoded there was a fifth to a third of the read's time.
  const rgba = new Uint8ClampedArray(grey.length * 4);
  for (let i = 0; i < grey.length; i++) {
    const v = grey[i] as number;
    rgba[4 * i] = v;
    rgba[4 * i + 1] = v;
    rgba[4 * i + 2] = v;
    rgba[4 * i + 3] = 255;
  }
  const pixels = {
    data: rgba,
    width: info.width,
    height: info.height,
    colorSpace: 'srgb' as const,
  };
  const results = await readBarcodes(pixels, {
    formats: FORMATS,
    tryHarder: true,
    tryRotate: true,
    maxNumberOfSymbols: 6,
  });
  return results
    .filter((r) => r.isValid)
    .map((r) => {
      const p = r.position;
      const box: Box = polygonBounds([p.topLeft, p.topRight, p.bottomRight, p.bottomLeft]);
      const pad = Math.max(box.width, box.height) * 0.08; // quiet zone and finder edges
      return {
        kind: 'barcode' as const,
        box: scaleBox(
          {
            x: box.x - pad,
            y: box.y - pad,
            width: box.width + 2 * pad,
            height: box.height + 2 * pad,
          },
          1 / scale,
        ),
        confidence: 0.95,
        via: 'barcode' as const,
      };
    });
}

/**
 * The faces that are not a barcode's modules: a QR code's squares scored 0.36 as a face on a
 * card's back, which then passed for its front (and was asked for a portrait and a ghost image);
 * blacked out, the code's square scored 0.5 in the self-check, a "portrait still showing".
 */
export function facesOffBarcodes(
  faces: readonly FaceBox[],
  barcodes: readonly { box: Box }[],
): FaceBox[] {
  return faces.filter((f) => !barcodes.some((b) => centreIn(f.box, b.box)));
}
