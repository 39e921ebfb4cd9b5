import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VkError } from '../../../../shared/errors.ts';
import {
  numberedName,
  removeStaleTempFiles,
  writeFileAtomic,
  writeFileExclusive,
} from '../../../../electron/core/files/write-atomic.ts';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'vk-'));

describe('atomic write', () => {
  it('writes the whole file under its name and leaves no temp file', async () => {
    const dir = fresh();
    const target = path.join(dir, 'kopie.pdf');
    await writeFileAtomic(target, Buffer.from('complete'));
    expect(readFileSync(target, 'utf8')).toBe('complete');
    expect(readdirSync(dir)).toEqual(['kopie.pdf']);
  });

  it('fails with WRITE_FAILED and no trace when the folder does not exist', async () => {
    const dir = fresh();
    await expect(
      writeFileAtomic(path.join(dir, 'missing', 'x.pdf'), Buffer.from('x')),
    ).rejects.toBeInstanceOf(VkError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cleans temp files a crashed export left behind, but not one another export is writing', async () => {
    const dir = fresh();
    const old = path.join(dir, '.vk-tmp-abc123');
    writeFileSync(old, 'half');
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, hourAgo, hourAgo);
    // A writer that has ended (crashed): its fresh temp file is an orphan.
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(path.join(dir, `.vk-tmp-${ended}-aa11`), 'left by a crash');
    // A writer still at work (this process), and a fresh file of unknown origin: kept.
    writeFileSync(path.join(dir, `.vk-tmp-${process.pid}-bb22`), 'being written');
    writeFileSync(path.join(dir, '.vk-tmp-def456'), 'being written');
    writeFileSync(path.join(dir, 'keep.pdf'), 'mine');
    expect(await removeStaleTempFiles(dir)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([
      `.vk-tmp-${process.pid}-bb22`,
      '.vk-tmp-def456',
      'keep.pdf',
    ]);
  });
});

describe('exclusive write', () => {
  it('never replaces a file: a taken name gets the next free number', async () => {
    const dir = fresh();
    const target = path.join(dir, 'scan.veilige-kopie.pdf');
    writeFileSync(target, 'person A');
    writeFileSync(path.join(dir, 'scan.veilige-kopie-2.pdf'), 'person B');
    const used = await writeFileExclusive(target, Buffer.from('person C'));
    expect(used).toBe(path.join(dir, 'scan.veilige-kopie-3.pdf'));
    expect(readFileSync(target, 'utf8')).toBe('person A');
    expect(readFileSync(used, 'utf8')).toBe('person C');
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('gives two writers racing for one name two files', async () => {
    const dir = fresh();
    const target = path.join(dir, 'id.veilige-kopie.pdf');
    const used = await Promise.all(
      ['a', 'b', 'c'].map((who) => writeFileExclusive(target, Buffer.from(who))),
    );
    expect(new Set(used).size).toBe(3);
    expect(used.map((f) => readFileSync(f, 'utf8')).sort()).toEqual(['a', 'b', 'c']);
  });

  it('numbers before the extension', () => {
    expect(numberedName('/o/scan.veilige-kopie.pdf', 1)).toBe('/o/scan.veilige-kopie.pdf');
    expect(numberedName('/o/scan.veilige-kopie.pdf', 2)).toBe('/o/scan.veilige-kopie-2.pdf');
  });
});
