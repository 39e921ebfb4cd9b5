import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, type RedactArgs } from '../../../electron/cli/args.ts';
import { EXIT } from '../../../electron/cli/exit-codes.ts';
import { runCli, type CliIo } from '../../../electron/cli/main.ts';
import { applyOrgConfig } from '../../../electron/cli/org-settings.ts';
import { REVIEW_FOLDER } from '../../../electron/cli/watch/watch.ts';
import { closeEngines, createEngines } from '../../../electron/core/pipeline/engines.ts';
import { readPageText } from '../../../electron/core/pipeline/ocr/page.ts';
import { loadPages } from '../../../electron/core/pipeline/load.ts';
import { testPicture } from '../../helpers/images.ts';
import { pdfPageCount } from '../../helpers/pdf.ts';

function io(cwd: string, signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { LANG: 'nl_NL.UTF-8' },
    cwd,
    signal,
  };
  return { value, out, err };
}

const args = (argv: string[]) => parseArgs(argv, 'nl') as RedactArgs;

describe('organisation config on the command line', () => {
  it('fills what the command leaves open, and refuses what it locks or may not keep', () => {
    const config = {
      organisation: { name: 'Gemeente Voorbeeld' },
      defaultRecipient: 'Gemeente Voorbeeld',
      purposes: ['verwijdering'],
      mayKeep: ['mrz' as const],
      language: 'en' as const,
      locked: ['recipient' as const],
    };
    const applied = applyOrgConfig(args(['redact', 'a.jpg', '-o', 'b.pdf']), config);
    expect(applied).toMatchObject({
      recipient: 'Gemeente Voorbeeld',
      purpose: 'verwijdering',
      lang: 'en',
      keep: [],
    });
    expect(
      applyOrgConfig(args(['redact', 'a.jpg', '-o', 'b.pdf', '--keep', 'mrz']), config).keep,
    ).toEqual(['mrz']);
    expect(() =>
      applyOrgConfig(args(['redact', 'a.jpg', '-o', 'b.pdf', '--recipient', 'X']), config),
    ).toThrow(/--recipient/);
    expect(() =>
      applyOrgConfig(args(['redact', 'a.jpg', '-o', 'b.pdf', '--keep', 'photo']), config),
    ).toThrow(/photo/);
  });

  it('lets an organisation lock detection and the watermark on', () => {
    const config = {
      organisation: { name: 'Balie' },
      locked: ['detect' as const, 'watermark' as const],
    };
    for (const option of ['--no-detect', '--no-watermark'])
      expect(() =>
        applyOrgConfig(args(['redact', 'a.jpg', '-o', 'b.pdf', option]), config),
      ).toThrow(option);
    expect(applyOrgConfig(args(['redact', 'a.jpg', '-o', 'b.pdf']), config)).toMatchObject({
      detect: true,
      watermark: true,
    });
  });

  it('stops on an invalid config before anything is written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vk-org-'));
    writeFileSync(path.join(dir, 'a.png'), await testPicture(300, 200));
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ mayKeep: ['nose'] }));
    const { value, err } = io(dir);
    const code = await runCli(['redact', 'a.png', '-o', 'x.pdf', '--config', 'bad.json'], value);
    expect(code).toBe(EXIT.usage);
    expect(err.join('\n')).toMatch(/bad.json is ongeldig: \/mayKeep\/0/);
    expect(existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });
});

describe('batch runs', () => {
  it('ends with a summary table and a non-zero code when a document needs review or fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vk-batch-'));
    writeFileSync(path.join(dir, 'a.png'), await testPicture(300, 200));
    writeFileSync(path.join(dir, 'b.png'), await testPicture(300, 200));
    writeFileSync(path.join(dir, 'c.jpg'), 'geen foto');
    const { value, out } = io(dir);
    const status: string[] = [];
    value.status = (line) => status.push(line);
    const code = await runCli(['redact', 'a.png', 'b.png', 'c.jpg', '--out-dir', 'out'], value);
    // c.jpg cannot be read (3); a and b show no document and need a look (1): the worst wins.
    expect(code).toBe(EXIT.unreadableInput);
    const text = out.join('\n');
    expect(text).toContain('Samenvatting: 0 klaar, 2 controleren, 1 mislukt');
    expect(text).toMatch(/controleren\s+.*a\.png → .*a\.veilige-kopie\.pdf/);
    expect(text).toMatch(/mislukt\s+.*c\.jpg/);
    expect(status.some((l) => /^\[#*\.*\] 1\/3 b\.png$/.test(l))).toBe(true);
  }, 60_000);
});

describe('AVG request letter from the command line', () => {
  it('puts a readable letter before the copy, with the deadline one month on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vk-letter-'));
    writeFileSync(path.join(dir, 'a.png'), await testPicture(300, 200));
    const { value, err } = io(dir);
    const code = await runCli(
      [
        'redact',
        'a.png',
        '-o',
        'x.pdf',
        '--no-detect',
        '--purpose',
        'verwijdering',
        '--recipient',
        'Gemeente Voorbeeld',
        '--date',
        '2026-01-31',
        '--letter-name',
        'Anna de Boer',
        '--letter-contact',
        'Dorpsstraat 1; 1234 AB Utrecht',
      ],
      value,
    );
    expect(code, err.join('\n')).toBe(EXIT.ok);
    const bytes = readFileSync(path.join(dir, 'x.pdf'));
    expect(await pdfPageCount(bytes)).toBe(2);
    // Read the letter as a recipient would: the page rendered (pdf.js), then OCR.
    const [letter] = await loadPages(bytes);
    const engines = createEngines();
    try {
      const text = (await readPageText(letter!, engines.ocr)).map((l) => l.text).join(' ');
      expect(text).toContain('Anna de Boer');
      expect(text).toContain('artikel 17');
      expect(text).toContain('28 februari 2026');
      expect(text).toContain('Gemeente Voorbeeld');
    } finally {
      await closeEngines(engines);
    }
  }, 60_000);

  it('refuses a letter with an image output or a free-text purpose', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vk-letter-'));
    writeFileSync(path.join(dir, 'a.png'), await testPicture(300, 200));
    const base = ['redact', 'a.png', '--no-detect', '--letter-name', 'A'];
    expect(await runCli([...base, '-o', 'x.png'], io(dir).value)).toBe(EXIT.usage);
    expect(await runCli([...base, '-o', 'x.pdf', '--purpose', 'sollicitatie'], io(dir).value)).toBe(
      EXIT.usage,
    );
    expect(readdirSync(dir)).toEqual(['a.png']);
  });

  it('writes a letter with no recipient and no contact, leaving those lines out', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vk-letter-'));
    writeFileSync(path.join(dir, 'a.png'), await testPicture(300, 200));
    const argv = ['redact', 'a.png', '--no-detect', '--letter-name', 'A', '-o', 'x.pdf'];
    expect(await runCli(argv, io(dir).value)).toBe(EXIT.ok);
    expect(await pdfPageCount(readFileSync(path.join(dir, 'x.pdf')))).toBe(2);
  });
});

describe('watch folder', () => {
  async function waitFor(check: () => boolean, ms = 60_000) {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('redacts each dropped file; clean ones lose their input, others go to the review folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vk-watch-'));
    mkdirSync(path.join(dir, 'in'));
    const stop = new AbortController();
    const { value, out } = io(dir, stop.signal);
    const running = runCli(['watch', 'in', '--out-dir', 'out', '--no-detect'], value);
    writeFileSync(path.join(dir, 'in', 'scan1.png'), await testPicture(300, 200));
    writeFileSync(path.join(dir, 'in', 'kapot.jpg'), 'geen foto');
    writeFileSync(path.join(dir, 'in', '.verborgen'), 'x');
    await waitFor(
      () =>
        existsSync(path.join(dir, 'out', 'scan1.veilige-kopie.pdf')) &&
        existsSync(path.join(dir, 'out', REVIEW_FOLDER, 'kapot.jpg')),
    );
    stop.abort();
    expect(await running).toBe(EXIT.ok);
    // The clean scan's original is gone; the unreadable file was never deleted, only moved.
    expect(readdirSync(path.join(dir, 'in'))).toEqual(['.verborgen']);
    expect(readdirSync(path.join(dir, 'out', REVIEW_FOLDER))).toEqual(['kapot.jpg']);
    expect(out.join('\n')).toContain('scan1.png: kopie gemaakt, origineel verwijderd');
  }, 90_000);

  it('moves a document that needs a person, with its copy, to the review folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vk-watch-'));
    mkdirSync(path.join(dir, 'in'));
    const stop = new AbortController();
    const { value } = io(dir, stop.signal);
    const running = runCli(['watch', 'in', '--out-dir', 'out'], value);
    // A picture with no identity document on it: detection warns, so a person must look.
    writeFileSync(path.join(dir, 'in', 'foto.png'), await testPicture(400, 260));
    const review = path.join(dir, 'out', REVIEW_FOLDER);
    await waitFor(() => existsSync(review) && readdirSync(review).length === 2);
    // A scanner reusing the name: the first one in review is kept, the second gets a suffix.
    writeFileSync(path.join(dir, 'in', 'foto.png'), await testPicture(420, 280));
    await waitFor(() => readdirSync(review).length === 4);
    stop.abort();
    await running;
    expect(readdirSync(review).sort()).toEqual([
      'foto-2.png',
      'foto.png',
      'foto.veilige-kopie-2.pdf',
      'foto.veilige-kopie.pdf',
    ]);
    expect(readdirSync(path.join(dir, 'in'))).toEqual([]);
  }, 90_000);
});
