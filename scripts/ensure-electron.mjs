// `npm ci` runs no install scripts (see .npmrc), so Electron's binary is fetched here, on the
// first `npm start` on a machine that can reach Electron's download host.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const installer = require.resolve('electron/install.js');
const result = spawnSync(process.execPath, [installer], { stdio: 'inherit' });
process.exit(result.status ?? 1);
