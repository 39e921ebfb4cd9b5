import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { exportSample, expectSampleRedacted } from '../smoke/sample-flow.ts';
import { launchChromium } from './harness.ts';
import { startTestApp, type TestApp } from './server.ts';

// The smoke test's path (test/smoke/electron.smoke.ts) through the Chromium harness: the same
// renderer, preload API contract and service, without the Electron binary this machine lacks.
let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('smoke path in Chromium', () => {
  it('opens the bundled sample, exports a PDF, and every sensitive field is black in it', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(app.url);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'vk-smoke-')), 'kopie.pdf');
    await exportSample(page, async () => {
      app.dialogs.savePath = file;
    });
    await expectSampleRedacted(readFileSync(file));
  });
});
