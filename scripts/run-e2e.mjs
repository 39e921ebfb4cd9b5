// Builds the renderer, then runs the browser end-to-end tests (test/e2e) in Debian's Chromium.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
const built = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (built !== 0) process.exit(built);
process.exit(run('npx', ['vitest', 'run', '--config', 'test/e2e/vitest.config.ts']));
