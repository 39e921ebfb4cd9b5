import sharp from 'sharp';
import { rawInput, type RawImage } from '../raw-image.ts';

export type ImageFileFormat = 'png' | 'jpeg';

export interface EncodedImage {
  format: ImageFileFormat;
  bytes: Buffer;
  width: number;
  height: number;
  dpi: number | null;
}

/**
 * Encodes pixels afresh: the input file's bytes never reach the output, and sharp writes no
 * EXIF, XMP, ICC profile or thumbnail unless asked (we never ask). JPEG keeps full chroma so
 * black stays black at region edges.
 */
export async function encodeImage(img: RawImage, format: ImageFileFormat): Promise<EncodedImage> {
  const pipeline = sharp(img.data, rawInput(img));
  const bytes =
    format === 'png'
      ? await pipeline.png({ compressionLevel: 6 }).toBuffer()
      : await pipeline.jpeg({ quality: 90, chromaSubsampling: '4:4:4', mozjpeg: false }).toBuffer();
  return { format, bytes, width: img.width, height: img.height, dpi: img.dpi };
}
