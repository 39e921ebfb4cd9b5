import { describe, expect, it } from 'vitest';
import { VkError } from '../../../../shared/errors.ts';
import { guard, suggestedFileName } from '../../../../electron/core/service/answers.ts';

describe('what the service answers', () => {
  it('suggests file names without personal data', () => {
    expect(suggestedFileName('pdf', new Date('2026-11-24T10:00:00Z'))).toBe(
      'veilige-kopie-2026-11-24.pdf',
    );
    expect(suggestedFileName('jpeg', new Date('2026-11-24T10:00:00Z'))).toBe(
      'veilige-kopie-2026-11-24.jpg',
    );
  });

  it('answers an error by its code, and never with an internal message', async () => {
    expect(await guard(async () => Promise.reject(new VkError('CANCELLED')))).toEqual({
      error: 'CANCELLED',
      params: {},
    });
    expect(await guard(async () => Promise.reject(new Error('JANSEN 1234.56.782')))).toEqual({
      error: 'INTERNAL',
      params: {},
    });
  });
});
