// How fast the bundled command answers, as a person at a terminal meets it: a fresh process each
// time, `--help` and a first document (the sample, full detection).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = path.resolve('bin/veilige-kopie.js');

function wallMs(args: string[]): number {
  const t0 = performance.now();
  execFileSync(process.execPath, [BIN, ...args], { stdio: 'ignore' });
  return performance.now() - t0;
}

export function cliStartFigures(): string[] {
  execFileSync(process.execPath, ['scripts/build-cli.mjs']);
  const help = [1, 2, 3, 4, 5].map(() => wallMs(['--help'])).sort((a, b) => a - b)[2] as number;
  const dir = mkdtempSync(path.join(tmpdir(), 'vk-bench-cli-'));
  try {
    const first = wallMs(['demo', '-o', path.join(dir, 'demo.pdf')]);
    return [
      `CLI --help (bundled, fresh process, median of 5): ${help.toFixed(0)} ms`,
      `CLI first document (demo, fresh process, detection and self-check): ${first.toFixed(0)} ms`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A batch as a front desk runs it: one fresh process redacting `files` into a folder. Its own
 * peak RSS (GNU time's maximum resident set) is what the machine must hold; the bench's process
 * also holds the generated corpus, so its figure overstates.
 */
export function cliBatchFigures(files: readonly { bytes: Buffer }[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'vk-bench-batch-'));
  try {
    const inputs = files.map((f, i) => {
      const file = path.join(dir, `${i}.${f.bytes[0] === 0xff ? 'jpg' : 'png'}`);
      writeFileSync(file, f.bytes);
      return file;
    });
    const args = [BIN, 'redact', ...inputs, '--out-dir', path.join(dir, 'out'), '--no-watermark'];
    const timed = existsSync('/usr/bin/time');
    const t0 = performance.now();
    // Exit code 1 is "done, with warnings to look at": a batch of hard photos has some.
    // With the two malloc arenas the installed command's launcher asks glibc for.
    const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
    const run = spawnSync(
      timed ? '/usr/bin/time' : process.execPath,
      [...(timed ? ['-f', 'peak-rss-kb %M', process.execPath] : []), ...args],
      { env },
    );
    const perImage = (performance.now() - t0) / files.length;
    const rss = /peak-rss-kb (\d+)/.exec(run.stderr.toString())?.[1];
    return [
      `CLI batch of ${files.length} holdout images (one fresh process, incl. start, MALLOC_ARENA_MAX=${env.MALLOC_ARENA_MAX}): ${perImage.toFixed(0)} ms per image, exit ${run.status}`,
      rss
        ? `CLI batch peak RSS: ${(Number(rss) / 1024).toFixed(0)} MB`
        : 'CLI batch peak RSS: /usr/bin/time not installed (apt-get install time) — skipped',
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
