import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { shippedAsset } from '../../../electron/core/pipeline/shipped.ts';
import {
  mrzLanguageData,
  publishedEnglish,
  UNUSED_BY_MRZ_READER,
} from '../../../scripts/tessdata/make-mrz-language-data.ts';
import { readComponents } from '../../../scripts/tessdata/traineddata.ts';

describe('the MRZ reader language data', () => {
  const shipped = gunzipSync(readFileSync(shippedAsset('mrzLanguageData')));

  it('is what the script makes from the installed English data (rerun it after an update)', () => {
    expect(Buffer.compare(shipped, Buffer.from(mrzLanguageData()))).toBe(0);
  });

  it('keeps every legacy model of the English data and none of what the reader never loads', () => {
    const published = readComponents(publishedEnglish());
    const kept = readComponents(shipped);
    for (const type of UNUSED_BY_MRZ_READER) expect(kept.has(type), `type ${type}`).toBe(false);
    for (const [type, data] of published) {
      if ((UNUSED_BY_MRZ_READER as readonly number[]).includes(type)) continue;
      expect(Buffer.compare(Buffer.from(kept.get(type) ?? []), Buffer.from(data))).toBe(0);
    }
    expect(shipped.byteLength).toBeLessThan(publishedEnglish().byteLength / 10);
  });
});
