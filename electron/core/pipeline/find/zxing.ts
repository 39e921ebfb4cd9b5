import { readFileSync } from 'node:fs';
import { prepareZXingModule } from 'zxing-wasm';
import { shippedFile } from '../shipped.ts';

let ready: Promise<unknown> | null = null;

/**
 * zxing-wasm fetches its .wasm from a CDN unless handed the binary: we always hand it the copy
 * shipped in node_modules, so barcode reading never touches the network.
 */
export function ensureZxing(): Promise<unknown> {
  ready ??= Promise.resolve(
    prepareZXingModule({
      overrides: {
        wasmBinary: readFileSync(shippedFile('barcodeWasm')).buffer,
      },
      fireImmediately: true,
    }),
  );
  return ready;
}
