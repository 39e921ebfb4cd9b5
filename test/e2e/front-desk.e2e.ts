import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPicture } from '../helpers/images.ts';
import { launchChromium, makeDocument, shot } from './harness.ts';
import { startTestApp, type TestApp } from './server.ts';
import { control } from '../helpers/ui.ts';

const work = mkdtempSync(path.join(tmpdir(), 'vk-desk-'));
let browser: Browser;

/** A test app whose service finds `config` as the organisation's config file. */
async function appWithConfig(config: unknown): Promise<TestApp> {
  const file = path.join(work, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  const before = process.env.VEILIGE_KOPIE_CONFIG;
  process.env.VEILIGE_KOPIE_CONFIG = file;
  try {
    return await startTestApp();
  } finally {
    if (before === undefined) delete process.env.VEILIGE_KOPIE_CONFIG;
    else process.env.VEILIGE_KOPIE_CONFIG = before;
  }
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('front desk, set up by an organisation config', () => {
  let app: TestApp;
  let page: Page;
  beforeAll(async () => {
    writeFileSync(path.join(work, 'logo.png'), await testPicture(200, 80));
    app = await appWithConfig({
      organisation: { name: 'Gemeente Voorbeeld', logo: 'logo.png' },
      defaultRecipient: 'Gemeente Voorbeeld',
      purposes: ['verwijdering'],
      mayKeep: ['mrz'],
      keep: ['mrz'],
      language: 'nl',
      frontDesk: { enabled: true, idleMinutes: 2 },
      locked: ['recipient', 'purpose', 'frontDesk'],
    });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.clock.install();
    await page.goto(app.url);
  });
  afterAll(() => app?.close());

  it('runs from document to saved copy with the keyboard, then wipes and counts', async () => {
    await control(page, 'handled-today').waitFor();
    // The organisation's logo, handed over as image bytes (the page cannot read files).
    await expect
      .poll(() => page.locator('header img.logo').evaluate((i: HTMLImageElement) => i.naturalWidth))
      .toBeGreaterThan(0);
    expect(await control(page, 'front-desk').count()).toBe(0);
    const { file } = await makeDocument(work, 808);
    await control(page, 'file-input').setInputFiles(file);
    await control(page, 'region-list').waitFor({ timeout: 60_000 });
    // The organisation keeps the MRZ readable by default; the photo can never be unticked.
    const box = (kind: string) =>
      page.locator(`li:has([data-kind=${kind}]) input[type=checkbox]`).first();
    expect(await box('mrz').isChecked()).toBe(false);
    expect(await box('photo').isDisabled()).toBe(true);
    // Nor can the keyboard take it away: Delete on the selected photo changes nothing.
    await page.locator('[data-kind=photo]').first().click();
    await page.locator('.region.selected').focus();
    await page.keyboard.press('Delete');
    expect(await control(page, 'keep-readable').count()).toBe(0);
    expect(await box('photo').isChecked()).toBe(true);
    await shot(page, '8-front-desk-review');
    if (await control(page, 'acknowledge').count()) await control(page, 'acknowledge').check();
    await page.keyboard.press('Control+Enter');
    // Straight to saving: the watermark comes from the organisation, and the recipient it
    // locks cannot be changed there.
    await expect
      .poll(() => control(page, 'summary').textContent())
      .toContain('aan Gemeente Voorbeeld');
    expect(await control(page, 'recipient').isDisabled()).toBe(true);
    expect(await control(page, 'purpose').isDisabled()).toBe(true);
    app.dialogs.savePath = path.join(work, 'balie-1.pdf');
    await page.keyboard.press('Control+Enter');
    await control(page, 'notice').waitFor();
    await shot(page, '9-front-desk-next');
    expect(await control(page, 'handled-today').textContent()).toBe('Vandaag: 1');
    expect(await app.service.jobCount()).toBe(0);
    expect(await control(page, 'dropzone').isVisible()).toBe(true);
  });

  it('wipes a document left open past the idle time', async () => {
    const { file } = await makeDocument(work, 809);
    await control(page, 'file-input').setInputFiles(file);
    await control(page, 'region-list').waitFor({ timeout: 60_000 });
    expect(await app.service.jobCount()).toBe(1);
    await page.clock.fastForward('02:10');
    await control(page, 'notice').waitFor();
    expect(await control(page, 'notice').textContent()).toContain('gewist');
    await expect.poll(() => app.service.jobCount()).toBe(0);
  });
});

describe('an invalid organisation config', () => {
  it('stops the app with the file name and the reason', async () => {
    const app = await appWithConfig({ mayKeep: ['nose'] });
    try {
      const page = await browser.newPage();
      await page.goto(app.url);
      await control(page, 'config-error').waitFor();
      expect(await control(page, 'config-error').textContent()).toMatch(
        /config-.*\.json is ongeldig: \/mayKeep\/0/,
      );
      expect(await control(page, 'dropzone').count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
