import { overlapRatio } from '../../shared/regions.ts';
import type { Engines } from './engines.ts';
import { findBarcodes } from './find/barcodes.ts';
import type { Finding } from './find/finding.ts';
import { findMrz, type MrzFinding } from './find/mrz.ts';
import { findNumbers } from './find/numbers.ts';
import { findPhotos, keepClearOfText } from './find/photo.ts';
import { predictPortraitZone } from './find/portrait-zone.ts';
import { readPageText } from './ocr/page.ts';
import type { OcrLine } from './ocr/text.ts';
import type { RawImage } from './raw-image.ts';
import { locateOnPage } from './locate.ts';
import { cropRaw } from './vision/crop.ts';
import { toGray } from './vision/gray.ts';

export interface SideDetection {
  findings: Finding[];
  mrz: MrzFinding | null;
  /** The page text read during detection (kept in memory for the self-check only). */
  lines: OcrLine[];
  /** Milliseconds per stage, for the report and the benchmark. */
  timings: Record<string, number>;
}

async function timed<T>(
  timings: Record<string, number>,
  stage: string,
  work: Promise<T>,
): Promise<T> {
  const t0 = performance.now();
  const result = await work;
  timings[stage] = Math.round(performance.now() - t0);
  return result;
}

/**
 * Everything sensitive on one side of a document. A card scanned on a large page is searched on
 * its own (text and faces are then big enough to read); results come back in page pixels.
 */
export async function detectSide(img: RawImage, engines: Engines): Promise<SideDetection> {
  const t0 = performance.now();
  const page = await locateOnPage(img);
  const crop = page ? await cropRaw(img, page) : null;
  const locateMs = Math.round(performance.now() - t0);
  const det = await detectIn(crop ?? img, engines);
  det.timings.locate = locateMs;
  if (!page) return det;
  const dx = Math.floor(page.x);
  const dy = Math.floor(page.y);
  const move = <T extends { box: { x: number; y: number; width: number; height: number } }>(
    f: T,
  ): T => ({
    ...f,
    box: { ...f.box, x: f.box.x + dx, y: f.box.y + dy },
  });
  return {
    ...det,
    findings: det.findings.map(move),
    mrz: det.mrz ? move(det.mrz) : null,
    lines: det.lines.map((l) => ({ ...move(l), words: l.words.map(move) })),
  };
}

async function detectIn(img: RawImage, engines: Engines): Promise<SideDetection> {
  const timings: Record<string, number> = {};
  const { gray, scale } = await toGray(img, 1000);
  const [mrz, lines, faces, barcodes] = await Promise.all([
    timed(timings, 'mrz', findMrz(img, engines.ocr)),
    timed(timings, 'text', readPageText(img, engines.ocr)),
    timed(timings, 'faces', engines.faces.detect(img)),
    timed(timings, 'barcodes', findBarcodes(img)),
  ]);

  const findings: Finding[] = [];
  if (mrz) {
    findings.push({
      kind: 'mrz',
      box: mrz.box,
      confidence: mrz.info?.valid ? 0.99 : 0.8,
      via: mrz.info?.format ?? 'mrz',
      secret: mrz.lines.join(''),
    });
  }
  const photos = findPhotos(faces, gray, scale);
  const words = lines.flatMap((l) => l.words);
  findings.push(
    ...photos.map((p) => ({
      kind: p.kind,
      box: keepClearOfText(p.box, p.face, words),
      confidence: p.confidence,
      via: 'face',
    })),
  );
  const format = mrz?.info?.format;
  if (mrz && (format === 'TD3' || format === 'TD2') && !photos.some((p) => p.kind === 'photo')) {
    findings.push({
      kind: 'photo',
      box: predictPortraitZone(mrz.box, format, img.width, img.height),
      confidence: 0.4,
      via: 'mrz-geometry',
    });
  }
  const numbers = findNumbers(lines, {
    documentNumbers: mrz?.info?.documentNumber ? [mrz.info.documentNumber] : [],
    personalNumbers: mrz?.info?.personalNumbers ?? [],
  });
  // Numbers inside the MRZ band are covered by it already.
  findings.push(...numbers.filter((n) => !mrz || overlapRatio(n.box, mrz.box) < 0.6));
  findings.push(...barcodes);
  return { findings, mrz, lines, timings };
}
