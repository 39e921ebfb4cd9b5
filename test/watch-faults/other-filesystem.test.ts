import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testPicture } from '../helpers/images.ts';
import { folders, list, startWatch, waitFor, type WatchProcess } from './watch-process.ts';

let watch: WatchProcess | null = null;
afterEach(async () => {
  await watch?.stop();
  watch = null;
});

// /dev/shm is a memory filesystem on Linux: a second filesystem without mounting anything.
const SHM = '/dev/shm';
const secondFs = existsSync(SHM) && statSync(SHM).dev !== statSync(folders().dir).dev ? SHM : null;

describe('watch: folders on two filesystems, an output folder that stops working', () => {
  it.skipIf(!secondFs)(
    'moves a file for review across filesystems by copying it',
    async () => {
      const scans = folders(secondFs!);
      const { outDir } = folders();
      watch = startWatch(scans.inDir, outDir, ['--no-detect']);
      writeFileSync(path.join(scans.inDir, 'kapot.jpg'), 'not a photo');
      const review = path.join(outDir, 'controleren');
      // A move across filesystems is a copy, checked, then the original removed: the copy shows
      // a moment before the original goes (on a loaded machine the test looked in between).
      await waitFor(
        () => list(review).includes('kapot.jpg') && list(scans.inDir).length === 0,
        'the move to review',
        watch,
      );
      expect(readFileSync(path.join(review, 'kapot.jpg'), 'utf8')).toBe('not a photo');
      expect(list(scans.inDir)).toEqual([]);
      rmSync(scans.dir, { recursive: true, force: true });
    },
    60_000,
  );

  it('waits with growing pauses while OUT cannot be written, loses nothing, and carries on', async () => {
    const { inDir, outDir } = folders();
    watch = startWatch(inDir, outDir, ['--no-detect']);
    await waitFor(() => /Watching/.test(watch!.log()), 'the start', watch);
    // A file where the folder was: every write and every move into OUT fails (even for root).
    rmSync(outDir, { recursive: true });
    writeFileSync(outDir, '');
    const scan = await testPicture(300, 200);
    writeFileSync(path.join(inDir, 'scan.png'), scan);
    await waitFor(() => /scan\.png: .*Trying again in \d+ s/.test(watch!.log()), 'a retry', watch);
    // Not a loop: in the next 3 s the file is not tried again.
    const tries = () => (watch!.log().match(/Trying again/g) ?? []).length;
    const before = tries();
    await new Promise((r) => setTimeout(r, 3000));
    expect(tries()).toBe(before);
    expect(readFileSync(path.join(inDir, 'scan.png')).equals(scan)).toBe(true);
    // The disk is back: the pause ends and the copy is made.
    rmSync(outDir);
    mkdirSync(outDir);
    await waitFor(() => list(inDir).length === 0, 'the copy after the pause', watch, 30_000);
    expect(list(outDir)).toEqual(['scan.veilige-kopie.pdf']);
  }, 90_000);
});
