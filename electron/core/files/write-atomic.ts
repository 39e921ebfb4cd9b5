import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { VkError } from '../../../shared/errors.ts';

const TEMP_MARK = '.vk-tmp-';
/** A temp file this old is left over whoever wrote it (a process id can be reused). */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** Writes `bytes` to a new temp file in `dir`, flushed to disk; returns its path. */
async function writeTemp(dir: string, bytes: Uint8Array): Promise<string> {
  // The writer's process id is in the name: its temp files are left alone while it runs.
  const temp = path.join(dir, `${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', 0o600);
    await handle.writeFile(bytes);
    await handle.sync();
    return temp;
  } catch {
    await fs.rm(temp, { force: true });
    throw new VkError('WRITE_FAILED');
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes to a temporary file next to the target and renames it into place, so a crash never
 * leaves a half-written copy under the real name. Replaces an existing target: only for a name
 * the person chose in a save dialog that asked about replacing.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temp = await writeTemp(path.dirname(target), bytes);
  try {
    await fs.rename(temp, target);
  } catch {
    await fs.rm(temp, { force: true });
    throw new VkError('WRITE_FAILED');
  }
}

/** `scan.veilige-kopie.pdf`, then `scan.veilige-kopie-2.pdf`, `-3`, … */
export function numberedName(file: string, n: number): string {
  if (n <= 1) return file;
  const { dir, name, ext } = path.parse(file);
  return path.join(dir, `${name}-${n}${ext}`);
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** Puts `source` under `target` only if that name is free; false when it is taken. */
async function claim(source: string, target: string): Promise<'link' | 'copy' | false> {
  try {
    // A hard link fails when the name exists: nothing is ever replaced, even in a race.
    await fs.link(source, target);
    return 'link';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw e;
  }
  // Filesystems without hard links (FAT, some shares) or another filesystem: an exclusive copy.
  try {
    await fs.copyFile(source, target, constants.COPYFILE_EXCL);
    return 'copy';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * Gives `source` the first free name of `target`'s numbered series (see `numberedName`), never
 * replacing a file: a hard link where the filesystem allows, else an exclusive copy. `source`
 * stays; returns the name used and whether it is a copy (which a move must check).
 */
export async function claimFreeName(
  source: string,
  target: string,
): Promise<{ name: string; copied: boolean }> {
  for (let n = 1; n <= 10_000; n++) {
    const name = numberedName(target, n);
    const how = await claim(source, name);
    if (how) return { name, copied: how === 'copy' };
  }
  throw new Error('no free name');
}

/**
 * Writes a new file and never replaces one: `target` if that name is free, else the first free
 * numbered name beside it (see `numberedName`). Returns the name used. The bytes are complete
 * and on disk before the name appears.
 */
export async function writeFileExclusive(target: string, bytes: Uint8Array): Promise<string> {
  const temp = await writeTemp(path.dirname(target), bytes);
  try {
    return (await claimFreeName(temp, target)).name;
  } catch (e) {
    if (e instanceof VkError) throw e;
    throw new VkError('WRITE_FAILED');
  } finally {
    await fs.rm(temp, { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files a crashed export left behind in `dir`: those whose writer is no longer
 * running, and any older than an hour. Another export at work keeps its own. Returns how many
 * were removed.
 */
export async function removeStaleTempFiles(dir: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => n.startsWith(TEMP_MARK))) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) continue;
    const writer = Number(/^\.vk-tmp-(\d+)-/.exec(name)?.[1] ?? NaN);
    const orphan = Number.isInteger(writer) && writer !== process.pid && !isRunning(writer);
    if (!orphan && now - stat.mtimeMs < STALE_TEMP_MS) continue;
    await fs.rm(file, { force: true });
    removed++;
  }
  return removed;
}
