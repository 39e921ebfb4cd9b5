import { describe, expect, it } from 'vitest';
import { lettersAndDigits } from '../../../../../electron/core/pipeline/ocr/text.ts';

describe("a read's letters and digits", () => {
  it('keeps letters and digits in order and drops punctuation, spaces and marks', () => {
    expect(lettersAndDigits('“YK15 RR770.”')).toBe('YK15RR770');
    expect(lettersAndDigits('26.09.1978')).toBe('26091978');
    expect(lettersAndDigits('—/ °)')).toBe('');
  });
});
