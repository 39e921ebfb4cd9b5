import { constants, promises as fs, type Stats } from 'node:fs';
import { VkError } from '../../../shared/errors.ts';
import { DEFAULT_LIMITS, type Limits } from '../../../shared/limits.ts';

/** What makes a file the same file later: where it lives on disk, its size and its time. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface ReadFile {
  bytes: Buffer;
  /** The file as it was read: an input is deleted later only if it is still this file. */
  identity: FileIdentity;
}

const MB = 1024 * 1024;

export function identityOf(stat: Stats): FileIdentity {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** The file at `file` now (a link followed), or null when nothing is there. */
export async function identityNow(file: string): Promise<FileIdentity | null> {
  const stat = await fs.stat(file).catch(() => null);
  return stat ? identityOf(stat) : null;
}

/**
 * Reads an input file, checking it before any byte is read: only a regular file (a link is
 * followed), never a folder, a device (`/dev/zero`) or a pipe, which would block the reader for
 * ever; never more than the size limit. Opening without blocking is what keeps a pipe from
 * hanging here; the size and identity come from the open handle, so they describe these bytes.
 */
export async function readInputFile(
  file: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<ReadFile> {
  const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(() => {
    throw new VkError('READ_FAILED');
  });
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new VkError('NOT_A_FILE');
    if (stat.size === 0) throw new VkError('EMPTY_FILE');
    if (stat.size > limits.maxBytes)
      throw new VkError('FILE_TOO_LARGE', {
        sizeMb: Math.ceil(stat.size / MB),
        limitMb: Math.floor(limits.maxBytes / MB),
      });
    // Exactly the bytes the file had when it was looked at; one still being written is read
    // again when it has settled.
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const { bytesRead } = await handle.read(bytes, read, stat.size - read, read);
      if (bytesRead === 0) throw new VkError('CORRUPT_FILE');
      read += bytesRead;
    }
    return { bytes, identity: identityOf(stat) };
  } catch (e) {
    if (e instanceof VkError) throw e;
    throw new VkError('READ_FAILED');
  } finally {
    await handle.close();
  }
}
