import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Vitest global set-up: every temporary folder of the run (os.tmpdir() in the test processes and
 * in the commands and browsers they start, which inherit TMPDIR) lies inside one folder, removed
 * when the run ends. Tests write ID images there; a run must not leave them behind in /tmp.
 */
export function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'vk-test-run-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
