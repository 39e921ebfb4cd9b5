import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VkError } from '../../../../shared/errors.ts';
import {
  removeStaleTempFiles,
  writeFileAtomic,
} from '../../../../electron/pipeline/export/write-atomic.ts';

describe('atomic write', () => {
  it('writes the whole file under its name and leaves no temp file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vk-'));
    const target = path.join(dir, 'kopie.pdf');
    await writeFileAtomic(target, Buffer.from('complete'));
    expect(readFileSync(target, 'utf8')).toBe('complete');
    expect(readdirSync(dir)).toEqual(['kopie.pdf']);
  });

  it('fails with WRITE_FAILED and no trace when the folder does not exist', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vk-'));
    await expect(
      writeFileAtomic(path.join(dir, 'missing', 'x.pdf'), Buffer.from('x')),
    ).rejects.toBeInstanceOf(VkError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cleans temp files a crashed export left behind, and nothing else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vk-'));
    writeFileSync(path.join(dir, '.vk-tmp-abc123'), 'half');
    writeFileSync(path.join(dir, 'keep.pdf'), 'mine');
    expect(await removeStaleTempFiles(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual(['keep.pdf']);
  });
});
