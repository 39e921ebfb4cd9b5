import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, type RedactArgs } from '../../../electron/cli/args.ts';
import { isVkError } from '../../../shared/errors.ts';
import { EXIT } from '../../../electron/cli/exit-codes.ts';

const parse = (argv: string[]) => parseArgs(argv, 'en') as RedactArgs;
function reason(argv: string[]): string {
  try {
    parseArgs(argv, 'en');
  } catch (e) {
    if (isVkError(e)) return String(e.params?.reason);
  }
  return 'no error';
}

describe('command-line arguments', () => {
  it('takes --option=value as well as --option value', () => {
    const a = parse(['redact', 'a.jpg', '--out-dir=out', '--purpose=inzage', '--lang=nl']);
    expect(a).toMatchObject({ outDir: 'out', purpose: 'inzage', lang: 'nl', inputs: ['a.jpg'] });
    expect(parse(['redact', 'a.jpg', '-o', 'x.pdf']).output).toBe('x.pdf');
  });

  it('adds up --keep given twice or as a list, and refuses an unknown kind by name', () => {
    expect(
      parse(['redact', 'a.jpg', '-o', 'x.pdf', '--keep', 'photo,mrz', '--keep=barcode']).keep,
    ).toEqual(['photo', 'mrz', 'barcode']);
    expect(reason(['redact', 'a.jpg', '-o', 'x.pdf', '--keep', 'face'])).toMatch(/face/);
  });

  it('records which options were written, for an organisation that forbids some', () => {
    expect(
      parse(['redact', 'a.jpg', '-o', 'x.pdf', '--no-watermark', '--keep=photo']).given,
    ).toEqual(['-o', '--no-watermark', '--keep']);
  });

  it('names the option that is unknown or lacks its value', () => {
    expect(reason(['redact', 'a.jpg', '--frobnicate'])).toMatch(/--frobnicate/);
    expect(reason(['redact', 'a.jpg', '--out-dir'])).toMatch(/--out-dir/);
    expect(reason(['redact', 'a.jpg', '-o', 'x.pdf', '--lang', 'de'])).toMatch(/--lang/);
  });

  it('answers --help even beside a mistake', () => {
    expect(parseArgs(['redact', '--frobnicate', '--help'], 'en')).toEqual({
      command: 'help',
      lang: 'en',
    });
  });

  it('prints help from the bundle without loading the pipeline', () => {
    // The pipeline's packages (OCR, images, PDF) are a chunk of their own that help never opens.
    const refuse = ['--import', path.resolve('test/helpers/refuse-pipeline-packages.mjs')];
    const bin = path.resolve('bin/veilige-kopie.js');
    const help = spawnSync(process.execPath, [...refuse, bin, '--help', '--lang', 'en'], {
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage:');
    // The guard bites: a real command does load them.
    const work = spawnSync(process.execPath, [...refuse, bin, 'demo', '-o', '/dev/null/x.pdf'], {
      encoding: 'utf8',
    });
    expect(work.status).toBe(EXIT.internal);
    expect(work.stderr).toMatch(/internal error/);
  });
});
