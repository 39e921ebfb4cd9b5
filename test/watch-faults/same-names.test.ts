import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { testPicture } from '../helpers/images.ts';
import { folders, list, startWatch, waitFor, type WatchProcess } from './watch-process.ts';

const run = promisify(execFile);
let watch: WatchProcess | null = null;
afterEach(async () => {
  await watch?.stop();
  watch = null;
});

/** Drops a file the way a scanner share does: written under a temp name, then renamed. */
function drop(dir: string, name: string, bytes: Buffer) {
  const temp = path.join(dir, `.${name}.part`);
  writeFileSync(temp, bytes);
  renameSync(temp, path.join(dir, name));
}

describe('watch: names that come twice', () => {
  it('gives two people who scan under the same name two copies, and loses neither', async () => {
    const { inDir, outDir } = folders();
    watch = startWatch(inDir, outDir, ['--no-detect']);
    const personA = await testPicture(300, 200);
    const personB = await testPicture(320, 210);
    drop(inDir, 'scan.png', personA);
    await waitFor(() => list(inDir).length === 0, 'the first scan to be done', watch);
    drop(inDir, 'scan.png', personB);
    await waitFor(() => list(outDir).length === 2, 'the second copy', watch);
    await waitFor(() => list(inDir).length === 0, 'the second scan to be done', watch);
    expect(list(outDir)).toEqual(['scan.veilige-kopie-2.pdf', 'scan.veilige-kopie.pdf']);
    const copies = list(outDir).map((f) => readFileSync(path.join(outDir, f)));
    expect(copies[0]!.equals(copies[1]!)).toBe(false);
    expect(watch.log().match(/scan\.png: copy made, original removed/g)).toHaveLength(2);
  }, 90_000);

  it('gives id.jpg and id.png dropped together a copy each', async () => {
    const { inDir, outDir } = folders();
    watch = startWatch(inDir, outDir, ['--no-detect']);
    const picture = await testPicture(300, 200);
    drop(inDir, 'id.png', picture);
    drop(inDir, 'id.jpg', await sharp(picture).jpeg().toBuffer());
    await waitFor(
      () => list(inDir).length === 0 && list(outDir).length === 2,
      'both copies',
      watch,
    );
    expect(list(outDir)).toEqual(['id.veilige-kopie-2.pdf', 'id.veilige-kopie.pdf']);
  }, 90_000);

  it('refuses to watch its own output folder or review folder', async () => {
    const { dir, inDir } = folders();
    for (const out of [inDir, path.dirname(inDir)]) {
      const target = out === inDir ? inDir : path.join(dir, 'x');
      if (out !== inDir) mkdirSync(path.join(target, 'controleren'), { recursive: true });
      const args =
        out === inDir
          ? ['watch', inDir, '--out-dir', inDir]
          : ['watch', path.join(target, 'controleren'), '--out-dir', target];
      const refused = await run(
        process.execPath,
        ['bin/veilige-kopie.js', ...args, '--lang', 'en'],
        {
          timeout: 30_000,
        },
      ).catch((e: { code: number; stderr: string }) => e);
      expect(refused).toMatchObject({ code: 2 });
      expect((refused as { stderr: string }).stderr).toMatch(
        /may not be OUT_DIR nor its review folder/,
      );
    }
  }, 60_000);
});
