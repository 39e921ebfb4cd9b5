import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testPicture } from '../helpers/images.ts';
import { folders, list, startWatch, waitFor, type WatchProcess } from './watch-process.ts';

let watch: WatchProcess | null = null;
afterEach(async () => {
  await watch?.stop();
  watch = null;
});

describe('watch: a file replaced while it is processed', () => {
  it('keeps the new file and processes it, instead of deleting it unread', async () => {
    const { inDir, outDir } = folders();
    // Detection on a large picture keeps the first job busy for seconds.
    watch = startWatch(inDir, outDir);
    const input = path.join(inDir, 'big.png');
    writeFileSync(input, await testPicture(3000, 2000));
    // The watch takes a file on its second look (looks are 1 s apart): by 2.5 s it is at work.
    const newer = await testPicture(3000, 2001);
    await new Promise((r) => setTimeout(r, 2500));
    expect(watch.log()).not.toMatch(/big\.png:/);
    writeFileSync(`${input}.tmp`, newer);
    renameSync(`${input}.tmp`, input);
    await waitFor(
      () => /big\.png: changed while it was being processed/.test(watch!.log()),
      'the change to be noticed',
      watch,
    );
    // The new scan is still there, or it was handled in its own turn (moved with its copy).
    await waitFor(
      () => list(inDir).length === 0 || list(inDir).includes('big.png'),
      'the new scan',
      watch,
    );
    const kept = list(inDir).includes('big.png')
      ? readFileSync(input)
      : readFileSync(
          path.join(
            outDir,
            'controleren',
            list(path.join(outDir, 'controleren')).find(
              (f) => f.startsWith('big') && f.endsWith('.png'),
            )!,
          ),
        );
    expect(kept.equals(newer)).toBe(true);
  }, 120_000);
});
