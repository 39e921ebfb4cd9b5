import { execFileSync } from 'node:child_process';

// Vitest global set-up: tests that start `bin/veilige-kopie.js` run the bundle of this very
// source, never one left over from an earlier build.
export function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
