import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { VkError } from '../../../shared/errors.ts';

const TEMP_MARK = '.vk-tmp-';

/**
 * Writes to a temporary file next to the target and renames it into place, so a crash never
 * leaves a half-written copy under the real name.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `${TEMP_MARK}${randomBytes(6).toString('hex')}`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', 0o600);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw new VkError('WRITE_FAILED');
  }
}

/** Removes temp files a crashed export left behind in `dir`. Returns how many were removed. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  const stale = names.filter((n) => n.startsWith(TEMP_MARK));
  await Promise.all(stale.map((n) => fs.rm(path.join(dir, n), { force: true })));
  return stale.length;
}
