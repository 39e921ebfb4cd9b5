import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { claimFreeName } from '../../core/files/write-atomic.ts';

async function digest(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
}

/** Whether `file` holds exactly the bytes whose SHA-256 is `sha256`. */
export async function holdsBytes(file: string, sha256: string): Promise<boolean> {
  return (await digest(file).catch(() => null)) === sha256;
}

/** Flushes a copy to disk and checks it holds the same bytes as `file`; removes it if not. */
async function checkCopy(file: string, copy: string): Promise<void> {
  try {
    const handle = await fs.open(copy, 'r+');
    await handle.sync().finally(() => handle.close());
    if ((await digest(file)) !== (await digest(copy))) throw new Error('copy differs');
  } catch (e) {
    await fs.rm(copy, { force: true });
    throw e;
  }
}

/**
 * Moves a file into `dir` under a name not yet taken there (scanners reuse names; the next free
 * number is added). Nothing in `dir` is ever replaced (see `claimFreeName`); where the folder is
 * on another filesystem (a scanner share and a local disk) the file is copied, flushed and
 * compared, and only then removed. Returns the new path; throws when the move failed, with the
 * file still where it was.
 */
export async function moveInto(file: string, dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const { name, copied } = await claimFreeName(file, path.join(dir, path.basename(file)));
  if (copied) await checkCopy(file, name);
  await fs.rm(file);
  return name;
}
