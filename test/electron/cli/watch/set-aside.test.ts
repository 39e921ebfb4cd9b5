import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, type RedactArgs } from '../../../../electron/cli/args.ts';
import { runWatch } from '../../../../electron/cli/watch/watch.ts';
import { testPicture } from '../../../helpers/images.ts';

async function until(check: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('watch: a file that keeps failing', () => {
  it('is left in place with a note after the last try, and tried again once it changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vk-aside-'));
    const inDir = path.join(dir, 'in');
    const outDir = path.join(dir, 'out');
    mkdirSync(inDir);
    // OUT is a file: no copy and no move into OUT can ever work.
    writeFileSync(outDir, '');
    const lines: string[] = [];
    const stop = new AbortController();
    const args = parseArgs(
      ['watch', 'in', '--out-dir', 'out', '--no-detect', '--lang', 'en'],
      'en',
    );
    const io = {
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(l),
      env: {},
      cwd: dir,
    };
    const running = runWatch(args as RedactArgs, io, {
      signal: stop.signal,
      pollMs: 50,
      retryDelaysMs: [100, 100, 100],
    });
    const scan = await testPicture(300, 200);
    const input = path.join(inDir, 'scan.png');
    writeFileSync(input, scan);
    await until(() => lines.some((l) => /failed 3 times and could not be moved/.test(l)));
    expect(readFileSync(input).equals(scan)).toBe(true);
    expect(readFileSync(`${input}.failed`, 'utf8')).toMatch(
      /could not process scan\.png \(3 tries\)/,
    );
    const tries = lines.filter((l) => /scan\.png: Error/.test(l)).length;
    expect(tries).toBe(3);
    // Skipped while unchanged …
    await new Promise((r) => setTimeout(r, 500));
    expect(lines.filter((l) => /scan\.png: Error/.test(l)).length).toBe(tries);
    // … tried again once the disk is back and the file is touched.
    rmSync(outDir);
    mkdirSync(outDir);
    const later = new Date(Date.now() + 5000);
    utimesSync(input, later, later);
    await until(() => lines.some((l) => /scan\.png: copy made, original removed/.test(l)));
    expect(readdirSync(inDir)).toEqual([]);
    stop.abort();
    await running;
  }, 60_000);
});
