import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportSample, expectSampleRedacted } from './sample-flow.ts';
import { control } from '../helpers/ui.ts';

// The real Electron binary, where it could be downloaded (CI runners on three systems; not this
// development machine, whose install runs no scripts). Without it each test says so and skips.
function electronBinary(): string | null {
  try {
    const bin = createRequire(import.meta.url)('electron') as unknown as string;
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}
const ELECTRON = electronBinary();
const PACKAGED = process.env.VK_SMOKE_APP ?? null;

describe('the real Electron app', () => {
  it.skipIf(!ELECTRON)(
    `runs the sample from open to a redacted PDF${ELECTRON ? '' : ' (skipped: no Electron binary here; `npm start` or CI downloads it)'}`,
    async () => {
      execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
      const app = await electron.launch({ executablePath: ELECTRON!, args: ['.'] });
      try {
        const page = await app.firstWindow();
        // The API the preload hands the page: functions only, nothing of Node or Electron.
        const api = await page.evaluate(() =>
          Object.entries((window as unknown as { api: object }).api).map(([k, v]) => [k, typeof v]),
        );
        expect(api.length).toBeGreaterThan(0);
        expect(api.every(([, t]) => t === 'function')).toBe(true);
        expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe(
          'undefined',
        );
        const file = path.join(mkdtempSync(path.join(tmpdir(), 'vk-smoke-')), 'kopie.pdf');
        await exportSample(page, () =>
          app.evaluate(({ dialog }, filePath) => {
            dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as never;
          }, file),
        );
        await expectSampleRedacted(readFileSync(file));
      } finally {
        await app.close();
      }
    },
    300_000,
  );

  // The installed program has its inspector fused off, so Playwright's Electron driver cannot
  // attach; it is opened as a person opens it and its window looked at over Chromium's protocol.
  it.skipIf(!PACKAGED)(
    `the packaged program starts and shows its first screen${PACKAGED ? '' : ' (skipped: set VK_SMOKE_APP to a packaged build)'}`,
    async () => {
      const child = spawn(PACKAGED!, ['--remote-debugging-port=9339'], { stdio: 'ignore' });
      try {
        let browser: Awaited<ReturnType<typeof chromium.connectOverCDP>> | null = null;
        for (let i = 0; i < 60 && !browser; i++) {
          browser = await chromium.connectOverCDP('http://127.0.0.1:9339').catch(async () => {
            await new Promise((r) => setTimeout(r, 1000));
            return null;
          });
        }
        expect(browser, 'the packaged app opened no window').not.toBeNull();
        const page = browser!.contexts()[0]!.pages()[0]!;
        await control(page, 'dropzone').waitFor({ timeout: 60_000 });
        await browser!.close();
      } finally {
        child.kill();
      }
    },
    180_000,
  );
});
