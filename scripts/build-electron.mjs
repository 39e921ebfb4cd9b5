// Bundles the Electron main process (ESM) and the preload (CommonJS: sandboxed preloads cannot
// be modules) into dist-electron/. Dependencies stay in node_modules (native sharp, wasm, data).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: ['electron/main/main.ts'],
  format: 'esm',
  outfile: 'dist-electron/main.mjs',
});
// The pipeline's own thread: decoding, OCR and face detection never block the window.
await build({
  ...common,
  entryPoints: ['electron/app/service-worker.ts'],
  format: 'esm',
  outfile: 'dist-electron/service-worker.mjs',
});
await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  format: 'cjs',
  outfile: 'dist-electron/preload.cjs',
});
console.log('built dist-electron/main.mjs, service-worker.mjs and preload.cjs');
