import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { cyclicPagesPdf, hugeImagePdf, manyOperatorsPdf } from '../helpers/hostile.ts';
import { testPicture } from '../helpers/images.ts';
import { pdfImages } from '../helpers/pdf.ts';
import { folders, list, startWatch, waitFor, type WatchProcess } from './watch-process.ts';

let watch: WatchProcess | null = null;
afterEach(async () => {
  await watch?.stop();
  watch = null;
});

const review = (outDir: string) => path.join(outDir, 'controleren');

describe('watch: hostile and odd files on a scanner share', () => {
  it('survives a PDF whose page tree points at itself, and says what is wrong', async () => {
    const { inDir, outDir } = folders();
    watch = startWatch(inDir, outDir, ['--no-detect']);
    writeFileSync(path.join(inDir, 'cyclic.pdf'), cyclicPagesPdf());
    await waitFor(
      () => list(review(outDir)).includes('cyclic.pdf'),
      'the cyclic PDF in review',
      watch,
    );
    expect(watch.log()).toMatch(/cyclic\.pdf: Error: The file is damaged or incomplete/);
    writeFileSync(path.join(inDir, 'good.png'), await testPicture(300, 200));
    await waitFor(
      () => list(outDir).includes('good.veilige-kopie.pdf'),
      'a good file after it',
      watch,
    );
  }, 60_000);

  it('refuses PDF bombs within 10 s each and under 1 GB, and stays alive', async () => {
    const { inDir, outDir } = folders();
    watch = startWatch(inDir, outDir, ['--no-detect']);
    const bombs = {
      'image.pdf': hugeImagePdf(),
      'fills-1m.pdf': manyOperatorsPdf(1_000_000),
      'fills-3m.pdf': manyOperatorsPdf(3_000_000),
    };
    for (const [name, bytes] of Object.entries(bombs)) {
      const started = Date.now();
      writeFileSync(path.join(inDir, name), bytes);
      await waitFor(() => list(review(outDir)).includes(name), `${name} in review`, watch, 30_000);
      // Two looks (up to 2 s) before the file counts as settled, then the decoding itself.
      expect(Date.now() - started, name).toBeLessThan(12_000);
    }
    expect(watch.log()).toMatch(
      /image\.pdf: Error: The PDF holds an image larger than 50 megapixels/,
    );
    expect(watch.log()).toMatch(/fills-1m\.pdf: Error: The file takes too long or too much memory/);
    expect(watch.peakRssMb()).toBeLessThan(1024);
  }, 120_000);

  it('never reads a pipe or a link to a device, and goes on with the rest', async () => {
    const { inDir, outDir } = folders();
    execFileSync('mkfifo', [path.join(inDir, 'scan.jpg')]);
    symlinkSync('/dev/zero', path.join(inDir, 'zero.jpg'));
    symlinkSync('/etc/hostname', path.join(inDir, 'elsewhere.png'));
    watch = startWatch(inDir, outDir, ['--no-detect']);
    writeFileSync(path.join(inDir, 'good.png'), await testPicture(300, 200));
    // The input goes only after its copy on disk is verified, a moment after the copy appears.
    await waitFor(
      () => list(outDir).includes('good.veilige-kopie.pdf') && !list(inDir).includes('good.png'),
      'the good file copied and its input removed',
      watch,
    );
    expect(watch.log()).toMatch(/zero\.jpg: a link to something outside the watched folder/);
    expect(watch.log()).toMatch(/elsewhere\.png: a link to something outside/);
    expect(list(inDir)).toEqual(['elsewhere.png', 'scan.jpg', 'zero.jpg']);
  }, 60_000);

  it('takes the two pages of a TIFF as front and back of one copy', async () => {
    const { inDir, outDir } = folders();
    watch = startWatch(inDir, outDir, ['--no-detect']);
    const pages = [await testPicture(300, 200), await testPicture(300, 200)];
    const tiff = await sharp(pages, { join: { animated: true } })
      .tiff()
      .toBuffer();
    writeFileSync(path.join(inDir, 'card.tiff'), tiff);
    await waitFor(() => list(outDir).includes('card.veilige-kopie.pdf'), 'the copy', watch);
    // Front and back share one A4 page, as an image each.
    const copy = readFileSync(path.join(outDir, 'card.veilige-kopie.pdf'));
    expect(await pdfImages(copy)).toHaveLength(2);
  }, 60_000);
});
