import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule } from 'zxing-wasm';

const require = createRequire(import.meta.url);
let ready: Promise<unknown> | null = null;

/**
 * zxing-wasm fetches its .wasm from a CDN unless handed the binary: we always hand it the copy
 * shipped in node_modules, so barcode reading never touches the network.
 */
export function ensureZxing(): Promise<unknown> {
  ready ??= Promise.resolve(
    prepareZXingModule({
      overrides: {
        wasmBinary: readFileSync(require.resolve('zxing-wasm/full/zxing_full.wasm')).buffer,
      },
      fireImmediately: true,
    }),
  );
  return ready;
}
