#!/usr/bin/env node
// Runs the bundled command (dist-cli/, `npm run build:cli`). In a checkout where it was never
// built, it is built once first: esbuild comes with the development install.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist-cli/veilige-kopie.mjs', import.meta.url);
if (!existsSync(bundle)) await import('../scripts/build-cli.mjs');
await import(bundle.href);
