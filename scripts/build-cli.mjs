// Bundles the command into dist-cli/: no TypeScript compiler at run time. The pipeline is a chunk
// of its own, loaded only for a real command, so `--help` starts at once. The decoding thread is
// bundled beside it under the name input/decoder.ts looks for. Packages stay in node_modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist-cli');

// A fresh folder: chunk names carry hashes, and old chunks would pile up beside the new ones.
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    'veilige-kopie': 'electron/cli/entry.ts',
    'decode-worker': 'electron/core/pipeline/input/decode-thread.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
