import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { passportPage } from '../synth/documents.ts';
import { paintOver } from '../synth/draw.ts';
import { randomHolder } from '../synth/holder.ts';
import { createRng } from '../synth/prng.ts';

export const SHOTS = path.resolve('test-results/e2e');

/** Debian's Chromium with the flags this machine needs (no background network, no sandbox). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...extraArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A synthetic Dutch passport page as a PNG in `dir` (optionally with its BSN painted out). */
export async function makeDocument(dir: string, seed: number, withBsn = true) {
  const rng = createRng(seed);
  const side = await passportPage(randomHolder(rng), { mm: 9, seed, country: 'NLD' });
  let png = side.png;
  if (!withBsn)
    png = await paintOver(
      png,
      side.secrets.find((s) => s.kind === 'personal_number')!.box,
      '#f4eef2',
    );
  const file = path.join(dir, `doc-${seed}${withBsn ? '' : '-nobsn'}.png`);
  writeFileSync(file, png);
  return { file, side };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
