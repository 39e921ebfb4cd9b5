import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder the program runs from: the first folder upward holding its package.json. The source
 * (electron/), the bundles (dist-cli/, dist-electron/) and the packaged app (resources/app.asar)
 * sit at different depths below it.
 */
export function programRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'veilige-kopie')
      return dir;
    if (path.dirname(dir) === dir) return from;
  }
}
