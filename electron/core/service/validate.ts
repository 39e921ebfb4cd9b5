import { VkError } from '../../../shared/errors.ts';
import {
  ExportRequestSchema,
  JobIdSchema,
  RegionListSchema,
  type ExportRequest,
  type InputFile,
} from '../../../shared/ipc.ts';
import type { Region } from '../../../shared/regions.ts';
import type { Static, TSchema } from '../../../shared/schema.ts';
import {
  isIsoDate,
  isPurpose,
  WatermarkSettingsSchema,
  type WatermarkSettings,
} from '../../../shared/settings.ts';
import { Nullable, Type } from '../../../shared/schema.ts';
import { check, describeError } from '../schema/check.ts';

// Everything arriving over IPC is untrusted: a compromised renderer must not be able to make the
// main process do more than the UI could. Each payload is checked against its schema in shared/;
// the reason names the argument, then where in it and what is wrong.

function bad(reason: string): VkError {
  return new VkError('INVALID_ARGUMENTS', { reason });
}

function checked<S extends TSchema>(name: string, schema: S, value: unknown): Static<S> {
  const result = check(schema, value);
  if (!result.ok) throw bad(`${name}: ${describeError(result.error)}`);
  return result.value;
}

/** Files are binary, which JSON Schema cannot describe: their shape is checked here by hand. */
export function inputFiles(value: unknown): InputFile[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > 2)
    throw bad('files: one or two files');
  return value.map((f, i) => {
    const file = f as Partial<InputFile>;
    if (!(file?.bytes instanceof Uint8Array) || typeof file.name !== 'string')
      throw bad(`files: /${i} must be a name and bytes`);
    return { name: file.name.slice(0, 255), bytes: file.bytes };
  });
}

export function jobId(value: unknown): string {
  return checked('job', JobIdSchema, value);
}

export function regions(value: unknown): Region[] {
  return checked('regions', RegionListSchema, value);
}

const WatermarkOrNull = Nullable(WatermarkSettingsSchema);

function validDate(mark: WatermarkSettings | null): WatermarkSettings | null {
  if (mark && !isIsoDate(mark.date)) throw bad('watermark: /date is not a day of the calendar');
  return mark;
}

export function watermark(value: unknown): WatermarkSettings | null {
  return validDate(checked('watermark', WatermarkOrNull, value));
}

const SideSchema = Type.Integer({ minimum: 0, maximum: 1 });

export function side(value: unknown): number {
  return checked('side', SideSchema, value);
}

export function exportRequest(value: unknown): ExportRequest {
  const result = check(ExportRequestSchema, value);
  if (!result.ok) {
    // Named by its part, as the other arguments are: "regions: /0/side must be <= 1".
    const [, part, ...rest] = (result.error?.instancePath ?? '').split('/');
    const inner = result.error && {
      ...result.error,
      instancePath: rest.map((p) => `/${p}`).join(''),
    };
    throw bad(`${part || 'export'}: ${describeError(inner)}`);
  }
  const request = result.value;
  validDate(request.watermark);
  // A letter needs a PDF and one of the AVG rights to ask for.
  if (request.letter && (request.format !== 'pdf' || !isPurpose(request.watermark?.purpose)))
    throw bad('letter: needs a PDF and one of the AVG rights as its purpose');
  return request;
}
