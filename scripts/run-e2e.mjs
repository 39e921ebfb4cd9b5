// Runs the browser end-to-end tests (test/e2e) in Debian's Chromium via playwright-core.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const dir = new URL('../test/e2e/', import.meta.url);
const specs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')) : [];
if (specs.length === 0) {
  console.log('e2e: no browser tests in test/e2e yet (the desktop UI lands with issue 4)');
  process.exit(0);
}
const result = spawnSync('npx', ['vitest', 'run', '--config', 'test/e2e/vitest.config.ts'], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
