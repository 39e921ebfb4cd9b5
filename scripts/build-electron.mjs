// Bundles the Electron main process (ESM) and the preload (CommonJS: sandboxed preloads cannot
// be modules) into dist-electron/. Dependencies stay in node_modules (native sharp, wasm, data).
import { build } from 'esbuild';

// VK_BUILD_DIR lets a test build into a folder of its own.
const out = process.env.VK_BUILD_DIR ?? 'dist-electron';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
};
// The app's entry: the window, or (started with --cli) the command. Each half is a chunk of its
// own beside it, so relative paths (preload, workers, the page) hold for both.
await build({
  ...common,
  entryPoints: { launch: 'electron/launch.ts' },
  format: 'esm',
  splitting: true,
  outdir: out,
  outExtension: { '.js': '.mjs' },
});
// The pipeline's own thread: decoding, OCR and face detection never block the window.
await build({
  ...common,
  entryPoints: ['electron/core/service/service-worker.ts'],
  format: 'esm',
  outfile: `${out}/service-worker.mjs`,
});
// The decoding thread the pipeline starts for each untrusted file (input/decoder.ts looks for it
// beside the bundle that runs it).
await build({
  ...common,
  entryPoints: ['electron/core/pipeline/input/decode-thread.ts'],
  format: 'esm',
  outfile: `${out}/decode-worker.mjs`,
});
await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  format: 'cjs',
  outfile: `${out}/preload.cjs`,
});
console.log(
  `built ${out}/launch.mjs (window and command), service-worker.mjs, decode-worker.mjs and preload.cjs`,
);
