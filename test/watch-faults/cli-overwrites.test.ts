import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../electron/cli/exit-codes.ts';
import { runCli } from '../../electron/cli/main.ts';
import { testPicture } from '../helpers/images.ts';
import { list } from './watch-process.ts';

const run = promisify(execFile);

async function cli(argv: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { LANG: 'en_GB.UTF-8' };
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function workdir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'vk-overwrite-'));
  writeFileSync(path.join(dir, 'a.png'), await testPicture(300, 200));
  return dir;
}

describe('the command line never overwrites and never hangs', () => {
  it('refuses an output or report that is the input, by name or by link', async () => {
    const dir = await workdir();
    const original = readFileSync(path.join(dir, 'a.png'));
    symlinkSync(path.join(dir, 'a.png'), path.join(dir, 'link.png'));
    for (const extra of [
      ['-o', 'a.png'],
      ['-o', './a.png'],
      ['-o', 'link.png'],
      ['-o', 'x.pdf', '--report', 'a.png'],
    ]) {
      const r = await cli(['redact', 'a.png', '--no-detect', ...extra], dir);
      expect(r.code, extra.join(' ')).toBe(EXIT.usage);
      expect(r.err).toMatch(/is one of the inputs; it would be overwritten/);
    }
    expect(readFileSync(path.join(dir, 'a.png')).equals(original)).toBe(true);
    expect(list(dir)).toEqual(['a.png', 'link.png']);
  });

  it('writes beside an existing copy or report instead of replacing it', async () => {
    const dir = await workdir();
    writeFileSync(path.join(dir, 'out.pdf'), 'an earlier copy');
    writeFileSync(path.join(dir, 'report.json'), 'an earlier report');
    const r = await cli(
      ['redact', 'a.png', '--no-detect', '-o', 'out.pdf', '--report', 'report.json'],
      dir,
    );
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain(path.join(dir, 'out-2.pdf'));
    expect(readFileSync(path.join(dir, 'out.pdf'), 'utf8')).toBe('an earlier copy');
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe('an earlier report');
    expect(JSON.parse(readFileSync(path.join(dir, 'report-2.json'), 'utf8'))[0].output).toBe(
      path.join(dir, 'out-2.pdf'),
    );
  });

  it('gives same-named inputs from two folders a copy each', async () => {
    const dir = await workdir();
    for (const sub of ['a', 'b']) {
      mkdirSync(path.join(dir, sub));
      writeFileSync(path.join(dir, sub, 'scan.png'), await testPicture(300, 200 + sub.length));
    }
    const r = await cli(
      ['redact', 'a/scan.png', 'b/scan.png', '--no-detect', '--out-dir', 'o'],
      dir,
    );
    expect(r.code).toBe(EXIT.ok);
    expect(list(path.join(dir, 'o'))).toEqual([
      'scan.veilige-kopie-2.pdf',
      'scan.veilige-kopie.pdf',
    ]);
  });

  it('refuses a pipe or a link to a device at once, with a clear message', async () => {
    const dir = await workdir();
    execFileSync('mkfifo', [path.join(dir, 'scan.jpg')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.jpg'));
    for (const input of ['scan.jpg', 'zero.jpg']) {
      // A real process: a blocked read would hang it until the timeout kills it.
      const r = await run(
        process.execPath,
        [path.resolve('bin/veilige-kopie.js'), 'redact', input, '-o', 'x.pdf', '--lang', 'en'],
        { cwd: dir, timeout: 20_000 },
      ).catch((e: { code: number; stderr: string }) => e);
      expect(r, input).toMatchObject({ code: EXIT.unreadableInput });
      expect((r as { stderr: string }).stderr).toMatch(/not an ordinary file/);
    }
  }, 60_000);
});
