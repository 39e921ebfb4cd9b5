import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isWithin } from '../output-paths.ts';

interface Seen {
  size: number;
  mtimeMs: number;
}

/** Names the watch never takes for a scan: hidden, temporary, or its own failure notes. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || /\.(tmp|part|crdownload|failed)$/i.test(name);
}

export interface FolderLook {
  /** Files a scanner has finished writing. */
  ready: string[];
  /** Links that point outside the folder (or at something that is not a file): never read. */
  refused: string[];
}

/**
 * Tracks a watched folder: a file is ready when it is listed with the same size and time on two
 * looks in a row. Only regular files count; a link is followed only when it stays inside the
 * folder, so a link to `/dev/zero` or to someone's home folder is never read. Sub-folders (an
 * output folder inside IN_DIR, say) are left alone.
 */
export function createFolderWatch(dir: string) {
  const seen = new Map<string, Seen>();
  return {
    async look(): Promise<FolderLook> {
      const realDir = await fs.realpath(dir);
      const ready: string[] = [];
      const refused: string[] = [];
      const present = new Set<string>();
      for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
        if (isIgnoredName(entry.name) || !(entry.isFile() || entry.isSymbolicLink())) continue;
        const file = path.join(dir, entry.name);
        if (entry.isSymbolicLink()) {
          const target = await fs.realpath(file).catch(() => null);
          const stat = target ? await fs.stat(target).catch(() => null) : null;
          if (!target || !stat?.isFile() || !isWithin(target, realDir)) {
            refused.push(file);
            continue;
          }
        }
        const stat = await fs.stat(file).catch(() => null);
        if (!stat?.isFile()) continue;
        present.add(file);
        const before = seen.get(file);
        if (before && before.size === stat.size && before.mtimeMs === stat.mtimeMs && stat.size > 0)
          ready.push(file);
        seen.set(file, { size: stat.size, mtimeMs: stat.mtimeMs });
      }
      for (const file of seen.keys()) if (!present.has(file)) seen.delete(file);
      return { ready, refused };
    },
    /** Forgets a file, so it must settle again before it is taken (after it was handled). */
    forget(file: string): void {
      seen.delete(file);
    },
  };
}
