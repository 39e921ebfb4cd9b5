import { inflateSync } from 'node:zlib';
import exifr from 'exifr';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeEngines, createEngines } from '../../electron/core/pipeline/engines.ts';
import { encodeCopy } from '../../electron/core/pipeline/export/index.ts';
import { redactDocument } from '../../electron/core/pipeline/index.ts';
import { readPageText } from '../../electron/core/pipeline/ocr/page.ts';
import type { RawImage } from '../../electron/core/pipeline/raw-image.ts';
import type { ExportFormat } from '../../shared/ipc.ts';
import { cameraJpegOf } from '../helpers/camera-metadata.ts';
import { decodeRaw } from '../helpers/images.ts';
import { pdfImages } from '../helpers/pdf.ts';
import { passportPage } from '../synth/documents.ts';
import { randomHolder } from '../synth/holder.ts';
import { createRng } from '../synth/prng.ts';

// Known values planted in the input: none of them may be found in any export, by any means.
const BSN = '999999990';
const DOCUMENT_NUMBER = 'SPECI2026';
const EXIF_CANARY = 'CANARY-PHOTOGRAPHER';
const XMP_CANARY = 'CANARY-XMP-CREATOR';

const engines = createEngines();
let input: Buffer;
let mrzLines: string[];
let surname: string;
const exports = new Map<ExportFormat, Buffer>();

/** Canary spellings to search: plain, as printed (1234.56.789), and as the MRZ writes it. */
function canaries(): string[] {
  return [
    BSN,
    `${BSN.slice(0, 4)}.${BSN.slice(4, 6)}.${BSN.slice(6)}`,
    DOCUMENT_NUMBER,
    EXIF_CANARY,
    XMP_CANARY,
    ...mrzLines.map((l) => l.slice(0, 20)),
  ];
}

const alnum = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

async function ocrText(img: RawImage): Promise<string> {
  const lines = await readPageText(img, engines.ocr);
  return alnum(lines.map((l) => l.text).join(' '));
}

/** Every stream of a PDF, inflated where it is Flate-compressed. */
async function pdfStreams(bytes: Buffer): Promise<Buffer[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: Buffer[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const raw = Buffer.from(obj.contents);
    out.push(
      obj.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') ? inflateSync(raw) : raw,
    );
  }
  return out;
}

/** The IDAT data of a PNG, inflated: the pixel rows as stored. */
function pngPixels(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let o = 8; o < png.length;) {
    const len = png.readUInt32BE(o);
    if (png.toString('latin1', o + 4, o + 8) === 'IDAT')
      parts.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  return inflateSync(Buffer.concat(parts));
}

function containsText(haystack: Buffer, needle: string): boolean {
  return (
    haystack.includes(Buffer.from(needle, 'latin1')) ||
    haystack.includes(Buffer.from(needle, 'utf16le')) ||
    haystack.includes(Buffer.from(needle, 'utf16le').swap16())
  );
}

/** The image an export shows: the file itself, or the one image inside the PDF. */
async function shownImage(format: ExportFormat, bytes: Buffer): Promise<Buffer> {
  if (format !== 'pdf') return bytes;
  const [image] = await pdfImages(bytes);
  return image!.data;
}

beforeAll(async () => {
  const rng = createRng(2026);
  const holder = { ...randomHolder(rng), bsn: BSN, documentNumber: DOCUMENT_NUMBER };
  const page = await passportPage(holder, { mm: 10, seed: 2026, country: 'NLD' });
  mrzLines = page.mrzLines;
  surname = holder.surname;
  input = await cameraJpegOf(page.png, { artist: EXIF_CANARY, creator: XMP_CANARY });
  const result = await redactDocument({
    sides: [input],
    settings: {
      detect: true,
      keep: [],
      lang: 'nl',
      watermark: { purpose: 'inzage', recipient: 'Organisatie X', date: '2026-12-02', lang: 'nl' },
    },
    engines,
  });
  for (const format of ['pdf', 'png', 'jpeg'] as const)
    exports.set(format, Buffer.from(await encodeCopy([result.sides[0]!.image], format)));
}, 120_000);

afterAll(() => closeEngines(engines));

describe('leak suite: planted canaries never reach an export', () => {
  it('the input really carries every canary (so each check below can fail)', async () => {
    const text = await ocrText(await decodeRaw(await sharp(input).rotate().png().toBuffer()));
    expect(text).toContain(BSN);
    expect(text).toContain(DOCUMENT_NUMBER);
    const meta = await exifr.parse(input, { xmp: true, gps: true });
    expect(JSON.stringify(meta)).toContain(EXIF_CANARY);
    expect(meta?.latitude).toBeCloseTo(52.083, 2);
    expect(input.includes(XMP_CANARY)).toBe(true);
  });

  describe.each(['pdf', 'png', 'jpeg'] as const)('%s export', (format) => {
    const bytes = () => exports.get(format)!;

    it('has no canary in its raw or decompressed bytes', async () => {
      const places = [bytes()];
      if (format === 'pdf') places.push(...(await pdfStreams(bytes())));
      if (format === 'png') places.push(pngPixels(bytes()));
      for (const place of places)
        for (const c of canaries()) expect(containsText(place, c), c).toBe(false);
    });

    it('shows no canary to OCR', async () => {
      const text = await ocrText(await decodeRaw(await shownImage(format, bytes())));
      for (const c of canaries()) expect(text, c).not.toContain(alnum(c));
      // Still the person's copy: the surname stays readable (so the OCR really read the page).
      expect(text).toContain(alnum(surname));
    });

    it('carries no metadata: no EXIF, GPS, XMP, IPTC, ICC or thumbnail', async () => {
      const image = await shownImage(format, bytes());
      const meta = await exifr.parse(image, {
        tiff: true,
        xmp: true,
        icc: true,
        iptc: true,
        jfif: false,
        ihdr: false,
        gps: true,
        mergeOutput: false,
      });
      expect(meta ?? {}).toEqual({});
      expect(await exifr.thumbnail(image)).toBeUndefined();
      const info = await sharp(image).metadata();
      expect([info.exif, info.xmp, info.iptc, info.icc]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    });

    it('ends where the format ends: nothing after EOI, IEND or %%EOF', () => {
      const b = bytes();
      if (format === 'jpeg') {
        expect(b.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
        expect(b.indexOf(Buffer.from([0xff, 0xd9]))).toBe(b.length - 2);
      } else if (format === 'png') {
        expect(b.subarray(-12, -4).toString('latin1')).toBe('\0\0\0\0IEND');
      } else {
        const text = b.toString('latin1');
        expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
        expect(text.indexOf('%%EOF')).toBe(text.lastIndexOf('%%EOF'));
      }
    });
  });

  it('the PDF holds one page with one image and nothing active, no text, no names', async () => {
    const b = exports.get('pdf')!;
    const text = b.toString('latin1');
    for (const key of [
      '/Annots',
      '/JavaScript',
      '/JS',
      '/EmbeddedFiles',
      '/AcroForm',
      '/OCProperties',
      '/Metadata',
      '/OpenAction',
      '/AA',
      '/URI',
      '/Launch',
      '/Font',
    ])
      expect(
        text.includes(`${key} `) ||
          text.includes(`${key}[`) ||
          text.includes(`${key}<`) ||
          text.includes(`${key}/`),
        key,
      ).toBe(false);
    const pdf = await PDFDocument.load(b, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(1);
    expect(await pdfImages(b)).toHaveLength(1);
    for (const field of [
      pdf.getProducer(),
      pdf.getCreator(),
      pdf.getAuthor(),
      pdf.getTitle(),
      pdf.getSubject(),
      pdf.getKeywords(),
    ])
      expect(field).toBeUndefined();
    const doc = await getDocument({ data: new Uint8Array(b), isEvalSupported: false, verbosity: 0 })
      .promise;
    try {
      const content = await (await doc.getPage(1)).getTextContent();
      expect(content.items).toEqual([]);
      expect((await doc.getMetadata()).metadata).toBeNull();
    } finally {
      await doc.destroy();
    }
  });
});
