import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder the command runs from: the first folder upward holding this program's package.json.
 * The source (electron/cli/) and the bundle (dist-cli/) sit at different depths below it.
 */
export function programRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'veilige-kopie')
      return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

/** The fictional sample document `veilige-kopie demo` redacts. */
export const SAMPLE_DOCUMENT = path.join(programRoot(), 'assets/sample/specimen-nl-passport.jpg');
