import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Counts the OCR workers started, passing every call through to tesseract.js.
const started = vi.hoisted(() => ({ workers: 0 }));
vi.mock('tesseract.js', async (importActual) => {
  const actual = await importActual<typeof import('tesseract.js')>();
  return {
    ...actual,
    createWorker: (...args: Parameters<typeof actual.createWorker>) => {
      started.workers++;
      return actual.createWorker(...args);
    },
  };
});

const { closeEngines, createEngines, warmEngines } =
  await import('../../../../electron/core/pipeline/engines.ts');

const engines = createEngines();
afterAll(() => closeEngines(engines));

describe('engines warmed before the first document', () => {
  it('start both OCR workers once, and the first document reuses them', async () => {
    await Promise.all([warmEngines(engines), warmEngines(engines)]);
    expect(started.workers).toBe(2);
    const png = await sharp({
      create: { width: 300, height: 80, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer();
    await engines.ocr.readPage(png);
    await engines.ocr.readMrz(png);
    const blank = { data: Buffer.alloc(64 * 64 * 3, 255), width: 64, height: 64, dpi: null };
    await engines.faces.detect(blank);
    expect(started.workers).toBe(2);
  }, 60_000);
});
