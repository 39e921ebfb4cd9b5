import { PDFDocument } from 'pdf-lib';
import type { ErrorCode } from '../../shared/errors.ts';
import sharp from 'sharp';
import { jpegClaiming, pngClaiming } from '../helpers/hostile.ts';
import { encryptedPdf, scanPdf } from '../helpers/pdf.ts';
import { testPicture } from '../helpers/images.ts';
import { passportPage } from '../synth/documents.ts';
import { randomHolder } from '../synth/holder.ts';
import { createRng, type Rng } from '../synth/prng.ts';

/** One hostile or broken input, and whether a correct result (not only an error) is fine. */
export interface HostileFile {
  name: string;
  bytes: Buffer;
  /** True where a result is as right as an error: odd but valid files, bit flips a decoder may survive. */
  mayAnalyze: boolean;
  /** The one right answer, where there is one (the message people need to act on). */
  expected?: ErrorCode;
}

const flip = (bytes: Buffer, rng: Rng, count: number): Buffer => {
  const out = Buffer.from(bytes);
  for (let i = 0; i < count; i++) {
    const at = 16 + Math.floor(rng.next() * (out.length - 16));
    out[at] = (out[at] as number) ^ (1 << Math.floor(rng.next() * 8));
  }
  return out;
};

/** A seeded corpus of files meant to break a decoder, plus odd files that should just work. */
export async function hostileCorpus(seed = 7): Promise<HostileFile[]> {
  const rng = createRng(seed);
  const picture = await testPicture(480, 320);
  const jpeg = await sharp(picture).jpeg().toBuffer();
  const png = await sharp(picture).png().toBuffer();
  const webp = await sharp(picture).webp().toBuffer();
  const pdf = await scanPdf([picture]);
  const page = await passportPage(randomHolder(rng), { mm: 8, seed, country: 'NLD' });
  const files: HostileFile[] = [];
  const bad = (name: string, bytes: Buffer, expected?: ErrorCode) =>
    files.push({ name, bytes, mayAnalyze: false, expected });
  const odd = (name: string, bytes: Buffer) => files.push({ name, bytes, mayAnalyze: true });

  bad('zero bytes', Buffer.alloc(0), 'EMPTY_FILE');
  bad('one byte', Buffer.from([0xff]));
  bad('truncated JPEG', jpeg.subarray(0, Math.floor(jpeg.length / 3)));
  bad('truncated PNG', png.subarray(0, Math.floor(png.length / 3)));
  bad('truncated WebP', webp.subarray(0, Math.floor(webp.length / 3)));
  bad('truncated PDF', pdf.subarray(0, Math.floor(pdf.length / 3)));
  bad('PNG header claiming 60000×60000', pngClaiming(60000, 60000), 'TOO_MANY_PIXELS');
  bad('JPEG header claiming 65000×65000', jpegClaiming(65000, 65000));
  bad('JPEG header claiming 0×0', jpegClaiming(0, 0));
  bad(
    'PNG bomb (64 megapixels of nothing)',
    await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 9 })
      .toBuffer(),
  );
  bad(
    'text file named .jpg',
    Buffer.from('Dit is geen foto maar een tekstbestand.\n'),
    'UNSUPPORTED_FORMAT',
  );
  bad(
    'HTML page',
    Buffer.from('<!doctype html><script>fetch("https://x.invalid")</script>'),
    'UNSUPPORTED_FORMAT',
  );
  bad(
    'SVG with a remote image',
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://x.invalid/a.png"/></svg>',
    ),
  );
  bad('GIF', await sharp(picture).gif().toBuffer(), 'UNSUPPORTED_FORMAT');
  bad(
    'AVIF',
    Buffer.concat([
      Buffer.from([0, 0, 0, 28]),
      Buffer.from('ftypavif\0\0\0\0avifmif1miaf'),
      Buffer.alloc(64),
    ]),
  );
  bad('ZIP archive', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 1)]));
  bad('password-protected PDF', await encryptedPdf(picture), 'PDF_ENCRYPTED');
  const many = await PDFDocument.create();
  for (let i = 0; i < 300; i++) many.addPage([595, 842]);
  bad('300-page PDF', Buffer.from(await many.save()), 'TOO_MANY_PAGES');
  const huge = await PDFDocument.create();
  huge.addPage([28346, 28346]);
  bad('PDF page of 10 m × 10 m', Buffer.from(await huge.save()), 'PAGE_TOO_LARGE');
  // pdf.js may recover an empty page tree as one blank page: harmless either way.
  odd('PDF of zero pages', Buffer.from(await (await PDFDocument.create()).save()));
  bad('PDF header then garbage', Buffer.from('%PDF-1.7\n' + 'x'.repeat(2000)));
  bad(
    'HEIC brand then garbage',
    Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic'),
      Buffer.alloc(300, 9),
    ]),
  );
  bad('100 MB of zeros', Buffer.alloc(100 * 1024 * 1024), 'FILE_TOO_LARGE');
  for (let i = 0; i < 10; i++) {
    const size = 1 + Math.floor(rng.next() * 40_000);
    bad(
      `random bytes #${i + 1} (${size} B)`,
      Buffer.from(Array.from({ length: size }, () => Math.floor(rng.next() * 256))),
    );
  }
  for (let i = 0; i < 4; i++) odd(`JPEG with flipped bits #${i + 1}`, flip(jpeg, rng, 40));
  for (let i = 0; i < 4; i++) odd(`PNG with flipped bits #${i + 1}`, flip(png, rng, 40));
  for (let i = 0; i < 4; i++) odd(`PDF with flipped bits #${i + 1}`, flip(pdf, rng, 60));

  odd('photo of no document', jpeg);
  odd(
    'polyglot: JPEG carrying a PDF in a comment',
    Buffer.concat([
      jpeg.subarray(0, 2),
      Buffer.from([0xff, 0xfe, 0, 40]),
      Buffer.from('%PDF-1.4 1 0 obj <<>> endobj trailer<<>>'.padEnd(38)),
      jpeg.subarray(2),
    ]),
  );
  odd(
    'polyglot: PNG with a ZIP appended',
    Buffer.concat([png, Buffer.from('PK\x03\x04'), Buffer.alloc(100, 2)]),
  );
  odd('PDF carrying JavaScript', await scanPdf([picture], { javascript: 'app.alert("hi")' }));
  odd(
    'blank PDF page',
    Buffer.from(
      await (async () => {
        const d = await PDFDocument.create();
        d.addPage([595, 842]);
        return d.save();
      })(),
    ),
  );
  odd('document upside down', await sharp(page.png).rotate(180).jpeg().toBuffer());
  odd(
    'only a face',
    await sharp(page.png)
      .extract(
        ((b) => ({
          left: Math.round(b.x),
          top: Math.round(b.y),
          width: Math.round(b.width),
          height: Math.round(b.height),
        }))(page.secrets.find((s) => s.kind === 'photo')!.box),
      )
      .png()
      .toBuffer(),
  );
  odd(
    'one pixel',
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#808080' } })
      .png()
      .toBuffer(),
  );
  odd(
    'a 6000×3 strip',
    await sharp({ create: { width: 6000, height: 3, channels: 3, background: '#ddd' } })
      .png()
      .toBuffer(),
  );
  odd('CMYK JPEG', await sharp(picture).toColourspace('cmyk').jpeg().toBuffer());
  odd(
    '16-bit PNG with alpha',
    await sharp(picture).ensureAlpha(0.5).toColourspace('rgb16').png().toBuffer(),
  );
  return files;
}
