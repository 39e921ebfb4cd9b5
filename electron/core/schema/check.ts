import { Ajv, type ErrorObject } from 'ajv';
import type { Static, TSchema } from '../../../shared/schema.ts';

// One validator for every schema in shared/: compiled once per schema, first error only (the
// input is refused on it; more would only repeat the refusal).
const ajv = new Ajv({ allErrors: false, strict: true });
const compiled = new WeakMap<TSchema, ReturnType<Ajv['compile']>>();

export type SchemaError = ErrorObject;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: ErrorObject | undefined };

/** Checks `value` against `schema`: the value as its type, or the first error ajv found. */
export function check<S extends TSchema>(schema: S, value: unknown): Checked<Static<S>> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate(value)
    ? { ok: true, value: value as Static<S> }
    : { ok: false, error: validate.errors?.[0] };
}

/** An error in words: where in the input, and what is wrong there ("/0/side must be <= 1"). */
export function describeError(error: ErrorObject | undefined): string {
  if (!error) return 'invalid';
  const extra =
    error.keyword === 'additionalProperties'
      ? ` "${(error.params as { additionalProperty: string }).additionalProperty}"`
      : error.keyword === 'enum'
        ? `: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
        : '';
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${extra}`;
}
