import type { MessageKey } from './i18n/translate.ts';

/** Every failure people can meet has a code, a translation key and safe parameters (never personal data). */
export const ERROR_CODES = [
  'EMPTY_FILE',
  'FILE_TOO_LARGE',
  'TOO_MANY_PIXELS',
  'UNSUPPORTED_FORMAT',
  'CORRUPT_FILE',
  'PDF_ENCRYPTED',
  'TOO_MANY_PAGES',
  'PAGE_TOO_LARGE',
  'TOO_MANY_SIDES',
  'NOT_A_FILE',
  'TOO_COMPLEX',
  'PDF_IMAGE_TOO_LARGE',
  'ANIMATED_IMAGE',
  'ODD_SHAPE',
  'TIMEOUT',
  'INVALID_REGIONS',
  'INVALID_CONFIG',
  'INVALID_ARGUMENTS',
  'WRITE_FAILED',
  'READ_FAILED',
  'OCR_FAILED',
  'CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export class VkError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'VkError';
    this.code = code;
    this.params = params;
  }

  get messageKey(): MessageKey {
    return `error.${this.code}`;
  }
}

export function isVkError(e: unknown): e is VkError {
  return e instanceof VkError;
}
