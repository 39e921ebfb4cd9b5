import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { SAMPLE_DOCUMENT } from '../../../electron/cli/sample.ts';
import { EXIT } from '../../../electron/cli/exit-codes.ts';
import { decodeRaw, maxInBox, testPicture } from '../../helpers/images.ts';
import { encodeHeic, heifEncAvailable, withRotation } from '../../helpers/heic.ts';
import { encryptedPdf, pdfImages, scanPdf } from '../../helpers/pdf.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/veilige-kopie.js');

async function cli(
  argv: string[],
  cwd: string,
  env: Record<string, string> = { LANG: 'nl_NL.UTF-8' },
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function workdir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'vk-cli-'));
  writeFileSync(path.join(dir, 'front.png'), await testPicture(400, 250));
  writeFileSync(
    path.join(dir, 'back.jpg'),
    await sharp(await testPicture(400, 250))
      .jpeg()
      .toBuffer(),
  );
  writeFileSync(
    path.join(dir, 'regions.json'),
    JSON.stringify({
      regions: [
        { kind: 'manual', box: { x: 100, y: 100, width: 200, height: 80 } },
        {
          kind: 'mrz',
          side: 1,
          polygon: [
            [10, 200],
            [390, 200],
            [390, 240],
            [10, 240],
          ],
        },
      ],
    }),
  );
  return dir;
}

describe('veilige-kopie CLI', () => {
  it('redacts to a PNG of exactly the input size with the regions black', async () => {
    const dir = await workdir();
    const r = await cli(
      [
        'redact',
        'front.png',
        '-o',
        'out.png',
        '--regions',
        'regions.json',
        '--no-detect',
        '--recipient',
        'Gemeente Test',
        '--date',
        '2026-11-22',
      ],
      dir,
    );
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('Opgeslagen');
    const img = await decodeRaw(readFileSync(path.join(dir, 'out.png')));
    expect([img.width, img.height]).toEqual([400, 250]);
    expect(maxInBox(img, { x: 100, y: 100, width: 200, height: 80 })).toBe(0);
  });

  it('puts front and back on one PDF page', async () => {
    const dir = await workdir();
    const r = await cli(
      [
        'redact',
        'front.png',
        'back.jpg',
        '-o',
        'copy.pdf',
        '--regions',
        'regions.json',
        '--no-detect',
      ],
      dir,
    );
    expect(r.code).toBe(EXIT.ok);
    const images = await pdfImages(readFileSync(path.join(dir, 'copy.pdf')));
    expect(images).toHaveLength(2);
    const back = await decodeRaw(images[1]!.data);
    expect(maxInBox(back, { x: 10, y: 200, width: 380, height: 40 })).toBeLessThanOrEqual(12);
  });

  it('writes one copy per input with --out-dir', async () => {
    const dir = await workdir();
    const r = await cli(
      ['redact', 'front.png', 'back.jpg', '--out-dir', 'out', '--no-detect'],
      dir,
    );
    expect(r.code).toBe(EXIT.ok);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual([
      'back.veilige-kopie.pdf',
      'front.veilige-kopie.pdf',
    ]);
  });

  it('redacts a one-page PDF scan to a PNG of that page', async () => {
    const dir = await workdir();
    writeFileSync(path.join(dir, 'scan.pdf'), await scanPdf([await testPicture(600, 400)]));
    const r = await cli(
      ['redact', 'scan.pdf', '-o', 'out.png', '--no-detect', '--regions', 'regions.json'],
      dir,
    );
    expect(r.code, r.err).toBe(EXIT.ok);
    const out = await decodeRaw(readFileSync(path.join(dir, 'out.png')));
    expect([out.width, out.height]).toEqual([600, 400]);
    expect(maxInBox(out, { x: 100, y: 100, width: 200, height: 80 })).toBe(0);
  });

  it.runIf(heifEncAvailable())('redacts an iPhone HEIC at its displayed size', async () => {
    const dir = await workdir();
    // Stored landscape, shown portrait (irot): the copy must be portrait.
    writeFileSync(
      path.join(dir, 'photo.heic'),
      withRotation(encodeHeic(await testPicture(400, 250)), 1),
    );
    const r = await cli(['redact', 'photo.heic', '-o', 'out.png', '--no-detect'], dir);
    expect(r.code, r.err).toBe(EXIT.ok);
    const out = await decodeRaw(readFileSync(path.join(dir, 'out.png')));
    expect([out.width, out.height]).toEqual([250, 400]);
  });

  it('splits a many-page scanner PDF into one copy per page with --out-dir', async () => {
    const dir = await workdir();
    const pages = await Promise.all([1, 2, 3].map(() => testPicture(300, 200)));
    writeFileSync(path.join(dir, 'batch.pdf'), await scanPdf(pages));
    writeFileSync(path.join(dir, 'card.pdf'), await scanPdf(pages.slice(0, 2)));
    const r = await cli(
      ['redact', 'batch.pdf', 'card.pdf', 'front.png', '--out-dir', 'out', '--no-detect'],
      dir,
    );
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual([
      'batch-p1.veilige-kopie.pdf',
      'batch-p2.veilige-kopie.pdf',
      'batch-p3.veilige-kopie.pdf',
      'card.veilige-kopie.pdf',
      'front.veilige-kopie.pdf',
    ]);
    // Two pages are front and back of one document: one A4 page holding both.
    expect(
      await pdfImages(readFileSync(path.join(dir, 'out', 'card.veilige-kopie.pdf'))),
    ).toHaveLength(2);
  });

  it('refuses a two-page PDF written to one image, and a password-protected PDF', async () => {
    const dir = await workdir();
    const two = await Promise.all([1, 2].map(() => testPicture(300, 200)));
    writeFileSync(path.join(dir, 'card.pdf'), await scanPdf(two));
    writeFileSync(path.join(dir, 'locked.pdf'), await encryptedPdf(two[0]!));
    const image = await cli(['redact', 'card.pdf', '-o', 'x.png', '--no-detect'], dir);
    expect(image.code).toBe(EXIT.usage);
    const locked = await cli(['redact', 'locked.pdf', '-o', 'x.pdf', '--no-detect'], dir);
    expect(locked.code).toBe(EXIT.unreadableInput);
    expect(locked.err).toMatch(/wachtwoord/);
    expect(readdirSync(dir).some((f) => f.startsWith('x.'))).toBe(false);
  });

  it.each([
    [['redact', 'front.png'], EXIT.usage],
    [['redact', '-o', 'x.pdf'], EXIT.usage],
    [['redact', 'front.png', '-o', 'x.gif'], EXIT.usage],
    [['redact', 'front.png', '-o', 'x.pdf', '--date', '2026-02-30'], EXIT.usage],
    [['redact', 'front.png', '-o', 'x.pdf', '--keep', 'nose'], EXIT.usage],
    [['redact', 'front.png', '-o', 'x.pdf', '--bogus'], EXIT.usage],
    [['redact', 'a.png', 'b.png', 'c.png', '-o', 'x.pdf'], EXIT.usage],
    [['redact', 'front.png', 'back.jpg', '-o', 'x.png'], EXIT.usage],
    [['redact', 'missing.png', '-o', 'x.pdf', '--no-detect'], EXIT.unreadableInput],
    [['redact', 'regions.json', '-o', 'x.pdf', '--no-detect'], EXIT.unreadableInput],
    [['redact', 'front.png', '-o', 'x.pdf', '--regions', 'front.png'], EXIT.usage],
    [['redact', 'front.png', '-o', 'no/such/dir/x.pdf', '--no-detect'], EXIT.writeFailed],
  ])('%j exits with %i and a message', async (argv, expected) => {
    const dir = await workdir();
    const r = await cli(argv, dir);
    expect(r.code).toBe(expected);
    expect(r.err).toMatch(/Fout: /);
    expect(readdirSync(dir).some((f) => f.startsWith('x.'))).toBe(false);
  });

  it('shows help in Dutch and English', async () => {
    const nl = await cli(['--help'], tmpdir());
    const en = await cli(['--help', '--lang', 'en'], tmpdir());
    expect(nl.code).toBe(0);
    expect(nl.out).toContain('Gebruik:');
    expect(en.out).toContain('Usage:');
    expect((await cli(['--help'], tmpdir(), { LANG: 'en_GB.UTF-8' })).out).toContain('Usage:');
  });

  it('runs as a real process from the package bin', async () => {
    const dir = await workdir();
    const { stdout } = await run(
      process.execPath,
      [
        BIN,
        'redact',
        'front.png',
        '-o',
        'out.pdf',
        '--regions',
        'regions.json',
        '--no-detect',
        '--lang',
        'en',
      ],
      { cwd: dir },
    );
    expect(stdout).toContain('Saved:');
    const failed = await run(
      process.execPath,
      [BIN, 'redact', 'nope.png', '-o', 'out2.pdf', '--no-detect'],
      { cwd: dir },
    ).catch((e: { code: number }) => e);
    expect((failed as { code: number }).code).toBe(EXIT.unreadableInput);
  });

  it('ships a sample document for the demo', () => {
    expect(readFileSync(SAMPLE_DOCUMENT).length).toBeGreaterThan(10_000);
  });
});
