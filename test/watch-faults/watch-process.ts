import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = path.resolve('bin/veilige-kopie.js');

/** A real `veilige-kopie watch` process, as a front desk runs it, with its log collected. */
export interface WatchProcess {
  child: ChildProcess;
  log: () => string;
  /** Peak resident memory of the process so far, in MB (Linux). */
  peakRssMb: () => number;
  stop: () => Promise<number | null>;
}

export function startWatch(inDir: string, outDir: string, extra: string[] = []): WatchProcess {
  const child = spawn(process.execPath, [BIN, 'watch', inDir, '--out-dir', outDir, ...extra], {
    env: { ...process.env, LANG: 'en_GB.UTF-8', VK_LANG: 'en' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (d) => (text += d));
  child.stderr?.on('data', (d) => (text += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    log: () => text,
    peakRssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}

/** Waits until `check` holds, polling; fails with what the watch said when it never does. */
export async function waitFor(
  check: () => boolean,
  what: string,
  watch: WatchProcess,
  ms = 60_000,
) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; the watch said:\n${watch.log()}`);
    if (watch.child.exitCode !== null)
      throw new Error(`the watch ended (${watch.child.exitCode}) before ${what}:\n${watch.log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A fresh IN and OUT folder pair under `root` (the system temp folder by default). */
export function folders(root = tmpdir()) {
  const dir = mkdtempSync(path.join(root, 'vk-watch-'));
  const inDir = path.join(dir, 'in');
  const outDir = path.join(dir, 'out');
  mkdirSync(inDir);
  return { dir, inDir, outDir };
}

export const list = (dir: string) => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};
