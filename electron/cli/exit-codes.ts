import type { ErrorCode } from '../../shared/errors.ts';

/** Exit codes scripts can rely on (also listed in --help). */
export const EXIT = {
  ok: 0,
  needsReview: 1,
  usage: 2,
  unreadableInput: 3,
  writeFailed: 4,
  internal: 70,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_ARGUMENTS':
    case 'INVALID_REGIONS':
    case 'INVALID_CONFIG':
      return EXIT.usage;
    case 'WRITE_FAILED':
      return EXIT.writeFailed;
    case 'OCR_FAILED':
    case 'INTERNAL':
      return EXIT.internal;
    default:
      return EXIT.unreadableInput;
  }
}
