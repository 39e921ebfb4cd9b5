/** Formats we accept, recognised by their content (never by file name). */
export type InputFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'heic' | 'pdf';

/** HEIF major brands of HEVC-coded stills and sequences (iPhone photos say "heic"). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

export function sniffFormat(bytes: Uint8Array): InputFormat | null {
  const b = (i: number) => bytes[i] ?? -1;
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
  if (ascii(4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(8, 12))) return 'heic';
  // A PDF header may follow a little junk (some scanners prepend bytes); readers allow 1 KB.
  if (ascii(0, Math.min(bytes.length, 1024)).includes('%PDF-')) return 'pdf';
  return null;
}
