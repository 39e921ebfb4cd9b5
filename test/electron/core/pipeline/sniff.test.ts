import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../../../electron/core/pipeline/sniff.ts';

const ftyp = (brand: string) =>
  Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(`ftyp${brand}\0\0\0\0mif1heic`)]);

describe('recognising inputs by content, never by name', () => {
  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    ['PNG', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), 'png'],
    ['PDF', Buffer.from('%PDF-1.7\n'), 'pdf'],
    ['PDF after scanner junk', Buffer.from('\0\0garbage\n%PDF-1.4\n'), 'pdf'],
    ['iPhone HEIC', ftyp('heic'), 'heic'],
    ['HEIF (mif1)', ftyp('mif1'), 'heic'],
    ['AVIF', ftyp('avif'), null],
    ['text', Buffer.from('hello, this is not an image'), null],
    ['empty', Buffer.alloc(0), null],
  ])('%s', (_, bytes, expected) => {
    expect(sniffFormat(bytes)).toBe(expected);
  });
});
