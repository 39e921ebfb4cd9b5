import type { Lang } from './i18n/translate.ts';
import { REGION_KINDS, type RegionKind } from './regions.ts';

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
export const KEEPABLE_KINDS = REGION_KINDS.filter((k) => k !== 'manual');

/**
 * What an organisation ships next to the app (or in a system-wide folder) to set it up for its
 * counter or its customers. Every field is optional; absent means the app's own default.
 */
export interface OrgConfig {
  organisation?: {
    name: string;
    /** PNG or JPEG in the config's folder or below it (no absolute path, no ".."), ≤ 1 MB. */
    logo?: string;
  };
  defaultRecipient?: string;
  /** The purposes offered, in this order: preset rights and/or the organisation's own texts. */
  purposes?: string[];
  /** Kinds the person may choose to leave readable (e.g. a recipient that needs the MRZ). */
  mayKeep?: RegionKind[];
  /** Kinds left readable by default; each must also be in mayKeep. */
  keep?: RegionKind[];
  language?: Lang;
  frontDesk?: {
    enabled: boolean;
    /** Wipe the document from memory after this many idle minutes (default 5). */
    idleMinutes?: number;
  };
  /** Settings the person cannot change. */
  locked?: Lockable[];
  /**
   * Only in the administrator's (system-wide or next-to-the-program) config: whether a person's
   * own config (`--config`, VEILIGE_KOPIE_CONFIG) may take its place. Off by default.
   */
  allowUserConfig?: boolean;
}

/** JSON Schema (draft-07) of the config file: the single definition validators use. */
export const ORG_CONFIG_SCHEMA = {
  title: 'Veilige Kopie organisation configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    organisation: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 120 },
        logo: { type: 'string', maxLength: 200, pattern: '\\.(png|jpe?g)$' },
      },
    },
    defaultRecipient: { type: 'string', maxLength: 120 },
    purposes: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: 120 },
    },
    mayKeep: { type: 'array', uniqueItems: true, items: { enum: KEEPABLE_KINDS } },
    keep: { type: 'array', uniqueItems: true, items: { enum: KEEPABLE_KINDS } },
    language: { enum: ['nl', 'en'] },
    frontDesk: {
      type: 'object',
      additionalProperties: false,
      required: ['enabled'],
      properties: {
        enabled: { type: 'boolean' },
        idleMinutes: { type: 'integer', minimum: 1, maximum: 120 },
      },
    },
    locked: { type: 'array', uniqueItems: true, items: { enum: LOCKABLE } },
    allowUserConfig: { type: 'boolean' },
  },
} as const;

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
