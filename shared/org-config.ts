import { REGION_KINDS, type RegionKind } from './regions.ts';
import { type Static, StringEnum, Type } from './schema.ts';

/** Settings an organisation can fix so its staff cannot change them. */
export const LOCKABLE = [
  'recipient',
  'purpose',
  'language',
  'keep',
  'frontDesk',
  /** Detection always on (no `--no-detect`). */
  'detect',
  /** A watermark on every copy (no `--no-watermark`, no copy without one in the app). */
  'watermark',
] as const;
export type Lockable = (typeof LOCKABLE)[number];

/** Kinds that can be left readable at all (a manual box is always burned). */
export const KEEPABLE_KINDS: readonly RegionKind[] = REGION_KINDS.filter((k) => k !== 'manual');

/**
 * What an organisation ships next to the app (or in a system-wide folder) to set it up for its
 * counter or its customers. Every field is optional; absent means the app's own default. One
 * definition gives both the JSON Schema the file is checked against and the TypeScript type.
 */
export const OrgConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    organisation: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 120 }),
          /** PNG or JPEG in the config's folder or below it (no absolute path, no ".."), ≤ 1 MB. */
          logo: Type.Optional(Type.String({ maxLength: 200, pattern: '\\.(png|jpe?g)$' })),
        },
        { additionalProperties: false },
      ),
    ),
    defaultRecipient: Type.Optional(Type.String({ maxLength: 120 })),
    /** The purposes offered, in this order: preset rights and/or the organisation's own texts. */
    purposes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 120 }), {
        minItems: 1,
        maxItems: 20,
        uniqueItems: true,
      }),
    ),
    /** Kinds the person may choose to leave readable (e.g. a recipient that needs the MRZ). */
    mayKeep: Type.Optional(Type.Array(StringEnum(KEEPABLE_KINDS), { uniqueItems: true })),
    /** Kinds left readable by default; each must also be in mayKeep. */
    keep: Type.Optional(Type.Array(StringEnum(KEEPABLE_KINDS), { uniqueItems: true })),
    language: Type.Optional(StringEnum(['nl', 'en'] as const)),
    frontDesk: Type.Optional(
      Type.Object(
        {
          enabled: Type.Boolean(),
          /** Wipe the document from memory after this many idle minutes (default 5). */
          idleMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** Settings the person cannot change. */
    locked: Type.Optional(Type.Array(StringEnum(LOCKABLE), { uniqueItems: true })),
    /**
     * Only in the administrator's (system-wide or next-to-the-program) config: whether a person's
     * own config (`--config`, VEILIGE_KOPIE_CONFIG) may take its place. Off by default.
     */
    allowUserConfig: Type.Optional(Type.Boolean()),
  },
  { title: 'Veilige Kopie organisation configuration', additionalProperties: false },
);
export type OrgConfig = Static<typeof OrgConfigSchema>;

/**
 * Whether a region kind may be left readable: without an organisation's list, the person decides
 * (the app asks first); with one, only the kinds it names.
 */
export function mayKeepKind(config: OrgConfig | null, kind: RegionKind): boolean {
  return kind !== 'manual' && (!config?.mayKeep || config.mayKeep.includes(kind));
}

/** A rule JSON Schema cannot say, broken: which one (a `config.*` message) and its details. */
export interface ConfigProblem {
  key: 'config.keep_not_maykeep' | 'config.recipient_locked';
  params: Record<string, string>;
}

/** Rules JSON Schema cannot say: the first broken one, or null. */
export function orgConfigProblem(config: OrgConfig): ConfigProblem | null {
  const mayKeep = config.mayKeep ?? [];
  const stray = (config.keep ?? []).find((k) => !mayKeep.includes(k));
  if (stray) return { key: 'config.keep_not_maykeep', params: { kind: stray } };
  if (config.locked?.includes('recipient') && !config.defaultRecipient)
    return { key: 'config.recipient_locked', params: {} };
  return null;
}
