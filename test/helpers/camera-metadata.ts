import sharp from 'sharp';

/**
 * A JPEG as a phone camera writes it: EXIF naming the photographer and the GPS position of
 * Utrecht, and XMP naming a creator. The two names are canaries tests search exports for.
 */
export function cameraJpegOf(
  image: Buffer,
  canaries: { artist: string; creator: string },
): Promise<Buffer> {
  return sharp(image)
    .jpeg({ quality: 92 })
    .withExif({
      IFD0: { Artist: canaries.artist, Make: 'CanaryCam', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 5/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '5/1 7/1 0/1',
      },
    })
    .withXmp(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${canaries.creator}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`,
    )
    .toBuffer();
}
