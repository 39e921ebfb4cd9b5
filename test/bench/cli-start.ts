// How fast the bundled command answers, as a person at a terminal meets it: a fresh process each
// time, `--help` and a first document (the sample, full detection).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
