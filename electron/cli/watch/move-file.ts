import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { numberedName } from '../../pipeline/export/write-atomic.ts';

async function digest(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
}

/** Whether `file` holds exactly the bytes whose SHA-256 is `sha256`. */
export async function holdsBytes(file: string, sha256: string): Promise<boolean> {
  return (await digest(file).catch(() => null)) === sha256;
}

/** Copies `file` to the free name `target` across filesystems, checks the copy, removes `file`. */
async function copyAcross(file: string, target: string): Promise<void> {
  await fs.copyFile(file, target, constants.COPYFILE_EXCL);
  try {
    const handle = await fs.open(target, 'r+');
    await handle.sync().finally(() => handle.close());
    if ((await digest(file)) !== (await digest(target))) throw new Error('copy differs');
  } catch (e) {
    await fs.rm(target, { force: true });
    throw e;
  }
  await fs.rm(file);
}

/**
 * Moves a file into `dir` under a name not yet taken there (scanners reuse names; the next free
 * number is added). Nothing in `dir` is ever replaced: a hard link claims the name, and where
 * the folder is on another filesystem (a scanner share and a local disk) the file is copied,
 * flushed, compared and only then removed. Returns the new path; throws when the move failed,
 * with the file still where it was.
 */
export async function moveInto(file: string, dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  for (let n = 1; n <= 10_000; n++) {
    const target = numberedName(path.join(dir, path.basename(file)), n);
    try {
      await fs.link(file, target);
      await fs.rm(file);
      return target;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw e;
    }
    try {
      await copyAcross(file, target);
      return target;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error('no free name');
}
