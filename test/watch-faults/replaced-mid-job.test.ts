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
    const newer = await testPicture(3000, 2001);
    writeFileSync(input, await testPicture(3000, 2000));
    await waitFor(() => /big\.png: processing/.test(watch!.log()), 'the job to start', watch);
    writeFileSync(`${input}.tmp`, newer);
    renameSync(`${input}.tmp`, input);
    expect(watch.log()).not.toMatch(/big\.png: (copy made|needs review)/);
    await waitFor(
      () => /big\.png: changed while it was being processed/.test(watch!.log()),
      'the change to be noticed',
      watch,
    );
    // The new scan gets its own turn: no document on it, so it goes to review, whole.
    const review = path.join(outDir, 'controleren');
    await waitFor(() => list(inDir).length === 0, 'the new scan to be handled', watch);
    expect(readFileSync(path.join(review, 'big.png')).equals(newer)).toBe(true);
    expect(watch.log().match(/big\.png: processing/g)).toHaveLength(2);
  }, 120_000);
});
