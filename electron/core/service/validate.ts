import { VkError } from '../../../shared/errors.ts';
import type { ExportRequest, InputFile } from '../../../shared/ipc.ts';
import { isRegion, type Region } from '../../../shared/regions.ts';
import type { Requester } from '../../../shared/letter/letter.ts';
import { isIsoDate, isPurpose, type WatermarkSettings } from '../../../shared/settings.ts';
import { isLang } from '../../../shared/i18n/translate.ts';

// Everything arriving over IPC is untrusted: a compromised renderer must not be able to make the
// main process do more than the UI could.

function bad(reason: string): VkError {
  return new VkError('INVALID_ARGUMENTS', { reason });
}

export function inputFiles(value: unknown): InputFile[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > 2) throw bad('one or two files');
  return value.map((f) => {
    const file = f as Partial<InputFile>;
    if (!(file?.bytes instanceof Uint8Array) || typeof file.name !== 'string') throw bad('file');
    return { name: file.name.slice(0, 255), bytes: file.bytes };
  });
}

export function jobId(value: unknown): string {
  if (typeof value !== 'string' || !/^[a-f0-9]{16,64}$/.test(value)) throw bad('job');
  return value;
}

export function regions(value: unknown): Region[] {
  if (!Array.isArray(value) || value.length > 200 || !value.every(isRegion)) throw bad('regions');
  return value;
}

export function watermark(value: unknown): WatermarkSettings | null {
  if (value === null) return null;
  const w = value as Partial<WatermarkSettings>;
  if (
    !w ||
    typeof w.purpose !== 'string' ||
    w.purpose.length > 120 ||
    typeof w.recipient !== 'string' ||
    w.recipient.length > 120 ||
    typeof w.date !== 'string' ||
    !isIsoDate(w.date) ||
    !isLang(w.lang)
  ) {
    throw bad('watermark');
  }
  return { purpose: w.purpose, recipient: w.recipient, date: w.date, lang: w.lang };
}

export function side(value: unknown): number {
  if (value !== 0 && value !== 1) throw bad('side');
  return value;
}

function requester(value: unknown): Requester | null {
  if (value === null || value === undefined) return null;
  const r = value as Partial<Requester>;
  if (
    typeof r.name !== 'string' ||
    !r.name.trim() ||
    r.name.length > 120 ||
    typeof r.contact !== 'string' ||
    r.contact.length > 500
  )
    throw bad('letter');
  return { name: r.name, contact: r.contact };
}

export function exportRequest(value: unknown): ExportRequest {
  const r = value as Partial<ExportRequest>;
  if (!r || !['pdf', 'png', 'jpeg'].includes(r.format as string)) throw bad('format');
  const request = {
    jobId: jobId(r.jobId),
    regions: regions(r.regions),
    watermark: watermark(r.watermark ?? null),
    format: r.format as ExportRequest['format'],
    letter: requester(r.letter),
  };
  // A letter needs a PDF and one of the AVG rights to ask for.
  if (request.letter && (request.format !== 'pdf' || !isPurpose(request.watermark?.purpose)))
    throw bad('letter');
  return request;
}
