import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox';

/**
 * One language for everything that arrives from outside (IPC payloads, the regions file, an
 * organisation's config): TypeBox builds a JSON Schema and the TypeScript type from one
 * definition. The checks run in the core (ajv), the types are used everywhere.
 */
export { Type, type Static, type TSchema } from '@sinclair/typebox';

/** A string from a fixed list, as a plain JSON Schema `enum` (its errors name the choices). */
export function StringEnum<const T extends readonly string[]>(values: T): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}

/** `null` or the schema's value. */
export function Nullable<S extends TSchema>(schema: S) {
  return Type.Union([schema, Type.Null()]);
}
