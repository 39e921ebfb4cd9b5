import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { idCard } from '../synth/documents.ts';
import { randomHolder } from '../synth/holder.ts';
import { createRng } from '../synth/prng.ts';
import { blackCoverage } from '../synth/evaluate.ts';
import { decodeRaw } from '../helpers/images.ts';
import { pdfImages, pdfPageCount, scanPdf } from '../helpers/pdf.ts';
import { y4mOf } from '../helpers/y4m.ts';
import { launchChromium, makeDocument as makeDoc, shot as takeShot } from './harness.ts';
import { startTestApp, type TestApp } from './server.ts';

const require = createRequire(import.meta.url);
let app: TestApp;
let browser: Browser;
let page: Page;
const external: string[] = [];
const work = mkdtempSync(path.join(tmpdir(), 'vk-e2e-'));
const makeDocument = (seed: number, withBsn = true) => makeDoc(work, seed, withBsn);
const shot = (name: string) => takeShot(page, name);

let camera: Awaited<ReturnType<typeof makeDocument>>;

beforeAll(async () => {
  app = await startTestApp();
  // The fake camera films a synthetic passport, as a document camera at a counter would.
  camera = await makeDocument(505);
  const video = path.join(work, 'camera.y4m');
  writeFileSync(video, await y4mOf(readFileSync(camera.file), 1280));
  browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const origin = new URL(app.url).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
      external.push(r.url());
  });
  await page.goto(app.url);
});

describe('desktop UI in Chromium, with the real service and pipeline', () => {
  it('opens a document by file input, reviews, edits, watermarks and exports a redacted PDF', async () => {
    const { file, side } = await makeDocument(101);
    await shot('1-start');
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('region-list').waitFor({ timeout: 60_000 });
    await shot('2-review');
    const kinds = await page
      .locator('[data-kind]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(
      expect.arrayContaining(['mrz', 'photo', 'document_number', 'personal_number']),
    );

    // Draw a box, delete it, undo the delete.
    const before = kinds.length;
    await page.getByTestId('draw').click();
    const box = (await page.getByTestId('document-overlay').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.05);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.12, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.locator('[data-kind]').count()).toBe(before + 1);
    await shot('3-drawn');
    await page.getByTestId('delete').click();
    await expect.poll(() => page.locator('[data-kind]').count()).toBe(before);
    await page.getByTestId('undo').click();
    await expect.poll(() => page.locator('[data-kind]').count()).toBe(before + 1);

    await page.getByTestId('show-original').click();
    await shot('4-original');
    await page.getByTestId('show-original').click();
    if (await page.getByTestId('acknowledge').count())
      await page.getByTestId('acknowledge').check();
    await page.getByTestId('next').click();
    await page.getByTestId('purpose').selectOption('verwijdering');
    await page.getByTestId('recipient').fill('Gemeente Voorbeeld');
    await expect
      .poll(() => page.getByTestId('watermark-text').textContent())
      .toContain('verwijderingsverzoek AVG aan Gemeente Voorbeeld');
    await page.waitForTimeout(500);
    await shot('5-watermark');
    await page.getByTestId('next').click();
    app.dialogs.savePath = path.join(work, 'export-1.pdf');
    await page.getByTestId('save').click();
    await page.getByTestId('done').waitFor();
    await shot('6-done');

    const [image] = await pdfImages(readFileSync(app.dialogs.savePath));
    const out = await decodeRaw(image!.data);
    for (const secret of side.secrets) {
      const b = secret.box;
      const poly = [
        { x: b.x, y: b.y },
        { x: b.x + b.width, y: b.y },
        { x: b.x + b.width, y: b.y + b.height },
        { x: b.x, y: b.y + b.height },
      ];
      expect(blackCoverage(out, poly), secret.kind).toBeGreaterThanOrEqual(0.98);
    }

    await page.getByTestId('new-document').click();
    await page.getByTestId('dropzone').waitFor();
    expect(await app.service.jobCount()).toBe(0);
  });

  it('puts an AVG request letter before the copy, and forgets the requester after saving', async () => {
    const { file } = await makeDocument(707);
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('region-list').waitFor({ timeout: 60_000 });
    if (await page.getByTestId('acknowledge').count())
      await page.getByTestId('acknowledge').check();
    await page.getByTestId('next').click();
    await page.getByTestId('purpose').selectOption('inzage');
    await page.getByTestId('recipient').fill('Gemeente Voorbeeld');
    await page.getByTestId('next').click();
    await page.getByTestId('letter').check();
    expect(await page.getByTestId('save').isDisabled()).toBe(true);
    await page.getByTestId('letter-name').fill('Anna de Boer');
    await page.getByTestId('letter-contact').fill('Dorpsstraat 1\n1234 AB Utrecht');
    await shot('6b-letter');
    app.dialogs.savePath = path.join(work, 'with-letter.pdf');
    await page.getByTestId('save').click();
    await page.getByTestId('done').waitFor();
    const bytes = readFileSync(app.dialogs.savePath);
    expect(await pdfPageCount(bytes)).toBe(2);
    // Letter page (PNG) first, then the copy (JPEG): pixels only, no text layer.
    expect((await pdfImages(bytes)).map((i) => i.filter)).toEqual(['/FlateDecode', '/DCTDecode']);
    expect(bytes.includes('Anna de Boer')).toBe(false);
    expect(
      await page.evaluate(
        () =>
          (document.querySelector('[data-testid=letter-name]') as HTMLInputElement | null)?.value ??
          null,
      ),
    ).toBeNull();
  });

  it('blocks export while a warning is not acknowledged', async () => {
    const { file } = await makeDocument(202, false);
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('warnings').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('warnings').textContent()).toContain('BSN');
    await shot('7-warning');
    expect(await page.getByTestId('next').isDisabled()).toBe(true);
    await page.getByTestId('acknowledge').check();
    expect(await page.getByTestId('next').isDisabled()).toBe(false);
  });

  it('accepts a document dropped onto the window', async () => {
    const { file } = await makeDocument(303);
    const bytes = [...readFileSync(file)];
    const transfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'paspoort.png', { type: 'image/png' }));
      return dt;
    }, bytes);
    await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByTestId('region-list').waitFor({ timeout: 60_000 });
  });

  it('shows each detection stage as it runs, and cancels', async () => {
    const { file } = await makeDocument(404);
    await page.getByTestId('file-input').setInputFiles(file);
    const progress = page.getByTestId('progress');
    await progress.locator('li.stage-done').first().waitFor({ timeout: 30_000 });
    expect(await progress.locator('li').count()).toBeGreaterThanOrEqual(6);
    await shot('1b-progress');
    const jobsBefore = await app.service.jobCount();
    await page.getByTestId('cancel').click();
    await page.getByTestId('dropzone').waitFor();
    // The cancelled analysis stops at its next stage and leaves no document in memory.
    await expect.poll(() => app.lastProgress(), { timeout: 30_000 }).toBeNull();
    expect(await app.service.jobCount()).toBe(jobsBefore);
  });

  it('takes a two-page PDF scan as front and back of one card', async () => {
    const rng = createRng(606);
    const [front, back] = await idCard(randomHolder(rng), { mm: 12, seed: 606 });
    const file = path.join(work, 'scan.pdf');
    writeFileSync(file, await scanPdf([front!.png, back!.png]));
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('region-list').waitFor({ timeout: 60_000 });
    await page.getByTestId('side-1').click();
    await shot('2b-pdf-back');
    expect(await page.getByTestId('region-list').textContent()).toContain('MRZ');
  });

  it('captures a document with the camera: preview, capture, retake, use', async () => {
    await page.getByTestId('camera').click();
    const capture = page.getByTestId('camera-capture');
    await expect.poll(() => capture.isEnabled(), { timeout: 20_000 }).toBe(true);
    await shot('1c-camera');
    await capture.click();
    await page.getByTestId('retake').click();
    await capture.click();
    await page.getByTestId('camera-use').click();
    await page.getByTestId('region-list').waitFor({ timeout: 60_000 });
    const listed = await page.getByTestId('region-list').textContent();
    expect(listed).toContain('MRZ');
    expect(listed).toContain('Pasfoto');
    // The camera is released once the screen is left.
    expect(await page.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
  });

  it('switches between Dutch and English', async () => {
    await expect
      .poll(() => page.locator('header').textContent())
      .toContain('Er wordt niets bewaard');
    await page.getByTestId('language').click();
    await expect.poll(() => page.locator('header').textContent()).toContain('Nothing is stored');
    await expect.poll(() => page.getByTestId('dropzone').textContent()).toContain('Drop the front');
  });

  it('can be used with the keyboard alone', async () => {
    const { file } = await makeDocument(404);
    app.dialogs.openPaths = [file];
    // React attaches its key listener just after the first paint: press until it is heard
    // (a press once the document is open does nothing).
    await expect
      .poll(
        async () => {
          await page.keyboard.press('Control+o');
          return page.locator('[data-testid=progress], [data-testid=region-list]').count();
        },
        { interval: 300, timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    await page.getByTestId('region-list').waitFor({ timeout: 60_000 });
    const tabTo = async (testId: string) => {
      for (let i = 0; i < 60; i++) {
        if (
          (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) ===
          testId
        )
          return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`could not reach ${testId} with Tab`);
    };
    if (await page.getByTestId('acknowledge').count()) {
      await tabTo('acknowledge');
      await page.keyboard.press('Space');
    }
    await tabTo('next');
    await page.keyboard.press('Enter');
    await tabTo('next');
    await page.keyboard.press('Enter');
    app.dialogs.savePath = path.join(work, 'keyboard.pdf');
    await tabTo('save');
    await page.keyboard.press('Enter');
    await page.getByTestId('done').waitFor();
    expect(readFileSync(app.dialogs.savePath).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows regions black as they will be burned, and the original only while asked', async () => {
    const { file } = await makeDocument(111);
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('region-list').waitFor({ timeout: 60_000 });
    const mrz = page.locator('.region').first();
    const darkness = async () => {
      const png = await mrz.screenshot();
      const img = await decodeRaw(png);
      let max = 0;
      // The middle of the box: every pixel there is what the copy will show.
      for (let y = Math.floor(img.height * 0.3); y < img.height * 0.7; y++)
        for (let x = Math.floor(img.width * 0.3); x < img.width * 0.7; x++)
          max = Math.max(max, img.data[(y * img.width + x) * 3] ?? 0);
      return max;
    };
    expect(await darkness()).toBeLessThan(10);
    await page.getByTestId('show-original').click();
    expect(await darkness()).toBeGreaterThan(100);
    await page.getByTestId('show-original').click();
    expect(await darkness()).toBeLessThan(10);
  });

  it('keeps keys typed in a text field away from the regions, and asks before a found region goes', async () => {
    const { file } = await makeDocument(112);
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('region-list').waitFor({ timeout: 60_000 });
    const count = () => page.locator('[data-kind]').count();
    const found = await count();
    // Delete on a region that was found: it stays, and the person is asked about leaving it readable.
    // A Dutch passport shows its number twice (printed and perforated): take the printed one.
    await page.locator('[data-kind=document_number]').first().click();
    await page.locator('.region.selected').focus();
    await page.keyboard.press('Delete');
    await page.getByTestId('keep-readable').waitFor();
    expect(await count()).toBe(found);
    await page.getByRole('button', { name: 'Zwart laten' }).click();
    // A box of one's own, then Ctrl+Z typed in the letter's text box on the export step.
    await page.getByTestId('add-box').click();
    expect(await count()).toBe(found + 1);
    if (await page.getByTestId('acknowledge').count())
      await page.getByTestId('acknowledge').check();
    await page.getByTestId('next').click();
    await page.getByTestId('purpose').selectOption('inzage');
    await page.getByTestId('next').click();
    await page.getByTestId('letter').check();
    await page.getByTestId('letter-contact').fill('Straat 1');
    await page.getByTestId('letter-contact').press('Control+z');
    await page.getByRole('button', { name: 'Terug' }).click();
    await page.getByRole('button', { name: 'Terug' }).click();
    await page.getByTestId('region-list').waitFor();
    expect(await count()).toBe(found + 1);
  });

  it('offers a box over the spot a warning points at', async () => {
    const { file } = await makeDocument(113);
    // Cut the page just above its MRZ: a passport page with no MRZ left on it.
    const side = (await makeDocument(113)).side;
    const mrz = side.secrets.find((x) => x.kind === 'mrz')!.box;
    const cut = path.join(work, 'no-mrz.png');
    const sharp = (await import('sharp')).default;
    writeFileSync(
      cut,
      await sharp(readFileSync(file))
        .composite([
          {
            input: {
              create: {
                width: side.width,
                height: side.height - mrz.y + 10,
                channels: 3,
                background: '#f4eef2',
              },
            },
            left: 0,
            top: mrz.y - 10,
          },
        ])
        .png()
        .toBuffer(),
    );
    await page.getByTestId('file-input').setInputFiles(cut);
    await page.getByTestId('warnings').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('warnings').textContent()).toContain('MRZ');
    const before = await page.locator('[data-kind]').count();
    await page.getByRole('button', { name: 'Teken hier zelf een vak' }).first().click();
    await expect.poll(() => page.locator('[data-kind]').count()).toBe(before + 1);
    await shot('7b-cover-spot');
  });

  it('shows the exact file and what it holds before saving, and where it went after', async () => {
    const { file } = await makeDocument(114);
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('region-list').waitFor({ timeout: 60_000 });
    if (await page.getByTestId('acknowledge').count())
      await page.getByTestId('acknowledge').check();
    await page.getByTestId('next').click();
    await page.getByTestId('recipient').fill('Gemeente Voorbeeld');
    await page.getByTestId('next').click();
    await expect
      .poll(() => page.getByTestId('summary').textContent())
      .toMatch(/\d+ gebieden zwart · watermerk: KOPIE/);
    await page.waitForTimeout(500);
    await shot('8-final-preview');
    app.dialogs.savePath = path.join(work, 'final.pdf');
    await page.getByTestId('save').click();
    await page.getByTestId('done').waitFor();
    expect(await page.getByTestId('summary').textContent()).toContain(
      'zelfcontrole: niets leesbaar',
    );
    expect(await page.getByTestId('done').textContent()).toContain(work);
    await page.getByTestId('show-in-folder').click();
    await expect.poll(() => app.dialogs.revealed).toContain(app.dialogs.savePath);
    await shot('9-saved');
  });

  it.each(['nl', 'en'])(
    'has no accessibility violation on any screen (%s)',
    async (lang) => {
      const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      const check = async (screen: string) => {
        await page.evaluate(axeSource);
        const result = await page.evaluate(() =>
          (
            window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }
          ).axe.run(),
        );
        expect(result.violations, `${screen} (${lang})`).toEqual([]);
        await shot(`a11y-${lang}-${screen.replace(/[^a-z]+/gi, '-')}`);
      };
      if (lang === 'en') await page.getByTestId('language').click();
      await check('start');
      await page.getByTestId('camera').click();
      await expect
        .poll(() => page.getByTestId('camera-capture').isEnabled(), { timeout: 20_000 })
        .toBe(true);
      await check('camera');
      await page.getByRole('button', { name: lang === 'en' ? 'Cancel' : 'Annuleren' }).click();
      await page.getByTestId('dropzone').waitFor();
      const { file } = await makeDocument(202, false);
      await page.getByTestId('file-input').setInputFiles(file);
      await page.getByTestId('region-list').waitFor({ timeout: 60_000 });
      await check('review');
      await page
        .locator('[data-kind=document_number]')
        .first()
        .locator('..')
        .locator('input')
        .click();
      await page.getByTestId('keep-readable').waitFor();
      await check('review, asking before leaving a region readable');
      await page.getByTestId('acknowledge').check();
      await page.getByTestId('next').click();
      await check('watermark');
      await page.getByTestId('recipient').fill('X');
      await page.getByTestId('next').click();
      await check('export');
      app.dialogs.savePath = path.join(work, `axe-${lang}.pdf`);
      await page.getByTestId('save').click();
      await page.getByTestId('done').waitFor();
      await check('done');
    },
    180_000,
  );

  it('made no request outside the app itself', () => {
    expect(external).toEqual([]);
  });
});
