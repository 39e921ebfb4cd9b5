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
import { control, openToSaveStep, type Control } from '../helpers/ui.ts';

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
    await control(page, 'file-input').setInputFiles(file);
    await control(page, 'region-list').waitFor({ timeout: 60_000 });
    await shot('2-review');
    const kinds = await page
      .locator('[data-kind]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(
      expect.arrayContaining(['mrz', 'photo', 'document_number', 'personal_number']),
    );

    // Draw a box, delete it, undo the delete.
    const before = kinds.length;
    await control(page, 'draw').click();
    const box = (await control(page, 'document-overlay').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.05);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.12, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.locator('[data-kind]').count()).toBe(before + 1);
    await shot('3-drawn');
    await control(page, 'delete').click();
    await expect.poll(() => page.locator('[data-kind]').count()).toBe(before);
    await control(page, 'undo').click();
    await expect.poll(() => page.locator('[data-kind]').count()).toBe(before + 1);

    await control(page, 'show-original').click();
    await shot('4-original');
    await control(page, 'show-original').click();
    if (await control(page, 'acknowledge').count()) await control(page, 'acknowledge').check();
    await control(page, 'next').click();
    await control(page, 'purpose').selectOption('verwijdering');
    await control(page, 'recipient').fill('Gemeente Voorbeeld');
    await expect
      .poll(() => page.getByText('verwijderingsverzoek AVG aan Gemeente Voorbeeld').count())
      .toBe(1);
    await page.waitForTimeout(500);
    await shot('5-watermark');
    await control(page, 'next').click();
    app.dialogs.savePath = path.join(work, 'export-1.pdf');
    await control(page, 'save').click();
    await control(page, 'done').waitFor();
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

    await control(page, 'new-document').click();
    await control(page, 'dropzone').waitFor();
    expect(await app.service.jobCount()).toBe(0);
  });

  it('puts an AVG request letter before the copy, and forgets the requester after saving', async () => {
    const { file } = await makeDocument(707);
    await control(page, 'file-input').setInputFiles(file);
    await control(page, 'region-list').waitFor({ timeout: 60_000 });
    if (await control(page, 'acknowledge').count()) await control(page, 'acknowledge').check();
    await control(page, 'next').click();
    await control(page, 'purpose').selectOption('inzage');
    await control(page, 'recipient').fill('Gemeente Voorbeeld');
    await control(page, 'next').click();
    await control(page, 'letter').check();
    expect(await control(page, 'save').isDisabled()).toBe(true);
    await control(page, 'letter-name').fill('Anna de Boer');
    await control(page, 'letter-contact').fill('Dorpsstraat 1\n1234 AB Utrecht');
    await shot('6b-letter');
    app.dialogs.savePath = path.join(work, 'with-letter.pdf');
    await control(page, 'save').click();
    await control(page, 'done').waitFor();
    const bytes = readFileSync(app.dialogs.savePath);
    expect(await pdfPageCount(bytes)).toBe(2);
    // Letter page (PNG) first, then the copy (JPEG): pixels only, no text layer.
    expect((await pdfImages(bytes)).map((i) => i.filter)).toEqual(['/FlateDecode', '/DCTDecode']);
    expect(bytes.includes('Anna de Boer')).toBe(false);
    expect(await control(page, 'letter-name').count()).toBe(0);
  });

  it('blocks export while a warning is not acknowledged', async () => {
    const { file } = await makeDocument(202, false);
    await control(page, 'file-input').setInputFiles(file);
    await control(page, 'warnings').waitFor({ timeout: 60_000 });
    await expect.poll(() => control(page, 'warnings').textContent()).toContain('BSN');
    await shot('7-warning');
    expect(await control(page, 'next').isDisabled()).toBe(true);
    // Nor does the keyboard's main action pass the warning by.
    await page.keyboard.press('Control+Enter');
    await page.waitForTimeout(300);
    expect(await control(page, 'purpose').count()).toBe(0);
    await control(page, 'acknowledge').check();
    expect(await control(page, 'next').isDisabled()).toBe(false);
    await page.keyboard.press('Control+Enter');
    await control(page, 'purpose').waitFor();
  });

  it('accepts a document dropped onto the window', async () => {
    const { file } = await makeDocument(303);
    const bytes = [...readFileSync(file)];
    const transfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'paspoort.png', { type: 'image/png' }));
      return dt;
    }, bytes);
    await control(page, 'dropzone').dispatchEvent('drop', { dataTransfer: transfer });
    await control(page, 'region-list').waitFor({ timeout: 60_000 });
  });

  it('shows each detection stage as it runs, and cancels', async () => {
    const { file } = await makeDocument(404);
    await control(page, 'file-input').setInputFiles(file);
    const progress = control(page, 'progress');
    await progress.locator('li.stage-done').first().waitFor({ timeout: 30_000 });
    expect(await progress.locator('li').count()).toBeGreaterThanOrEqual(6);
    await shot('1b-progress');
    const jobsBefore = await app.service.jobCount();
    await control(page, 'cancel').click();
    await control(page, 'dropzone').waitFor();
    // The cancelled analysis stops at its next stage and leaves no document in memory.
    await expect.poll(() => app.lastProgress(), { timeout: 30_000 }).toBeNull();
    expect(await app.service.jobCount()).toBe(jobsBefore);
  });

  it('takes a two-page PDF scan as front and back of one card', async () => {
    const rng = createRng(606);
    const [front, back] = await idCard(randomHolder(rng), { mm: 12, seed: 606 });
    const file = path.join(work, 'scan.pdf');
    writeFileSync(file, await scanPdf([front!.png, back!.png]));
    await control(page, 'file-input').setInputFiles(file);
    await control(page, 'region-list').waitFor({ timeout: 60_000 });
    await control(page, 'side-1').click();
    await shot('2b-pdf-back');
    expect(await control(page, 'region-list').textContent()).toContain('MRZ');
  });

  it('captures a document with the camera: preview, capture, retake, use', async () => {
    await control(page, 'camera').click();
    const capture = control(page, 'camera-capture');
    await expect.poll(() => capture.isEnabled(), { timeout: 20_000 }).toBe(true);
    await shot('1c-camera');
    await capture.click();
    await control(page, 'retake').click();
    await capture.click();
    await control(page, 'camera-use').click();
    await control(page, 'region-list').waitFor({ timeout: 60_000 });
    const listed = await control(page, 'region-list').textContent();
    expect(listed).toContain('MRZ');
    expect(listed).toContain('Pasfoto');
    // The camera is released once the screen is left.
    expect(await page.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
  });

  it('switches between Dutch and English', async () => {
    await expect
      .poll(() => page.locator('header').textContent())
      .toContain('Er wordt niets bewaard');
    await control(page, 'language').click();
    await expect.poll(() => page.locator('header').textContent()).toContain('Nothing is stored');
    await expect.poll(() => control(page, 'dropzone').textContent()).toContain('Drop the front');
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
          return control(page, 'progress').or(control(page, 'region-list')).count();
        },
        { interval: 300, timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    await control(page, 'region-list').waitFor({ timeout: 60_000 });
    const tabTo = async (name: Control) => {
      const target = control(page, name);
      const focused = () =>
        target.evaluate((el) => el === document.activeElement, undefined, { timeout: 1000 });
      for (let i = 0; i < 60; i++) {
        if (await focused().catch(() => false)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`could not reach ${name} with Tab`);
    };
    if (await control(page, 'acknowledge').count()) {
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
    await control(page, 'done').waitFor();
    expect(readFileSync(app.dialogs.savePath).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows regions black as they will be burned, and the original only while asked', async () => {
    const { file } = await makeDocument(111);
    await control(page, 'file-input').setInputFiles(file);
    await control(page, 'region-list').waitFor({ timeout: 60_000 });
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
    await control(page, 'show-original').click();
    expect(await darkness()).toBeGreaterThan(100);
    await control(page, 'show-original').click();
    expect(await darkness()).toBeLessThan(10);
  });

  it('keeps keys typed in a text field away from the regions, and asks before a found region goes', async () => {
    const { file } = await makeDocument(112);
    await control(page, 'file-input').setInputFiles(file);
    await control(page, 'region-list').waitFor({ timeout: 60_000 });
    const count = () => page.locator('[data-kind]').count();
    const found = await count();
    // Delete on a region that was found: it stays, and the person is asked about leaving it readable.
    // A Dutch passport shows its number twice (printed and perforated): take the printed one.
    await page.locator('[data-kind=document_number]').first().click();
    await page.locator('.region.selected').focus();
    await page.keyboard.press('Delete');
    await control(page, 'keep-readable').waitFor();
    expect(await count()).toBe(found);
    await page.getByRole('button', { name: 'Zwart laten' }).click();
    // A box of one's own, then Ctrl+Z typed in the letter's text box on the export step.
    await control(page, 'add-box').click();
    expect(await count()).toBe(found + 1);
    if (await control(page, 'acknowledge').count()) await control(page, 'acknowledge').check();
    await control(page, 'next').click();
    await control(page, 'purpose').selectOption('inzage');
    await control(page, 'next').click();
    await control(page, 'letter').check();
    await control(page, 'letter-contact').fill('Straat 1');
    await control(page, 'letter-contact').press('Control+z');
    await page.getByRole('button', { name: 'Terug' }).click();
    await page.getByRole('button', { name: 'Terug' }).click();
    await control(page, 'region-list').waitFor();
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
    await control(page, 'file-input').setInputFiles(cut);
    await control(page, 'warnings').waitFor({ timeout: 60_000 });
    await expect.poll(() => control(page, 'warnings').textContent()).toContain('MRZ');
    const before = await page.locator('[data-kind]').count();
    await page.getByRole('button', { name: 'Teken hier zelf een vak' }).first().click();
    await expect.poll(() => page.locator('[data-kind]').count()).toBe(before + 1);
    await shot('7b-cover-spot');
  });

  it('shows the exact file and what it holds before saving, and where it went after', async () => {
    const { file } = await makeDocument(114);
    await openToSaveStep(page, file, 'Gemeente Voorbeeld');
    await expect
      .poll(() => control(page, 'summary').textContent())
      .toMatch(/\d+ gebieden zwart · watermerk: KOPIE/);
    await page.waitForTimeout(500);
    await shot('8-final-preview');
    app.dialogs.savePath = path.join(work, 'final.pdf');
    await control(page, 'save').click();
    await control(page, 'done').waitFor();
    expect(await control(page, 'summary').textContent()).toContain('zelfcontrole: niets leesbaar');
    expect(await control(page, 'done').textContent()).toContain(work);
    await control(page, 'show-in-folder').click();
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
      if (lang === 'en') await control(page, 'language').click();
      await check('start');
      await control(page, 'camera').click();
      await expect
        .poll(() => control(page, 'camera-capture').isEnabled(), { timeout: 20_000 })
        .toBe(true);
      await check('camera');
      await page.getByRole('button', { name: lang === 'en' ? 'Cancel' : 'Annuleren' }).click();
      await control(page, 'dropzone').waitFor();
      const { file } = await makeDocument(202, false);
      await control(page, 'file-input').setInputFiles(file);
      await control(page, 'region-list').waitFor({ timeout: 60_000 });
      await check('review');
      await page
        .locator('[data-kind=document_number]')
        .first()
        .locator('..')
        .locator('input')
        .click();
      await control(page, 'keep-readable').waitFor();
      await check('review, asking before leaving a region readable');
      await control(page, 'acknowledge').check();
      await control(page, 'next').click();
      await check('watermark');
      await control(page, 'recipient').fill('X');
      await control(page, 'next').click();
      await check('export');
      app.dialogs.savePath = path.join(work, `axe-${lang}.pdf`);
      await control(page, 'save').click();
      await control(page, 'done').waitFor();
      await check('done');
    },
    180_000,
  );

  it('made no request outside the app itself', () => {
    expect(external).toEqual([]);
  });
});
