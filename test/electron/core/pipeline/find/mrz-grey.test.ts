import { afterAll, describe, expect, it } from 'vitest';
import { closeEngines, createEngines } from '../../../../../electron/core/pipeline/engines.ts';
import { findMrz } from '../../../../../electron/core/pipeline/find/mrz.ts';
import { decodeRaw } from '../../../../helpers/images.ts';
import { passportMrz } from '../../../../helpers/passport-mrz.ts';
import { Sheet } from '../../../../synth/draw.ts';

const engines = createEngines();
afterAll(() => closeEngines(engines));

describe('reading an MRZ on a grey page', () => {
  it('reads it on the dim grey of a photo taken in poor light', async () => {
    const lines = passportMrz();
    // A small, dim passport page: the MRZ's characters 10 px high on mid grey.
    const sheet = new Sheet(460, 330);
    for (const [i, l] of lines.entries())
      await sheet.text(l, 20, 250 + 24 * i, 15, 'mono', '#202020');
    const img = await decodeRaw(await sheet.render('#8c8c8c'));
    const mrz = await findMrz(img, engines.ocr);
    expect(mrz?.info).toMatchObject({ format: 'TD3', valid: true });
    expect(mrz?.info?.personalNumbers).toContain('123456782');
  });

  it('reads it across the hard edge of a shadow over half of it', async () => {
    // A phone held over the table: the right half of the MRZ lies in a shadow that halves the
    // light. One threshold for the whole crop turned that half black (nothing read at all on an
    // upside-down card, which then passed for no document).
    const sheet = new Sheet(700, 480);
    for (const [i, l] of passportMrz().entries())
      await sheet.text(l, 30, 380 + 34 * i, 22, 'mono', '#1c1c1c');
    sheet.svg('<polygon points="330,480 700,480 700,0 520,0" fill="#000" fill-opacity="0.55"/>');
    const img = await decodeRaw(await sheet.render('#ece8dc'));
    const mrz = await findMrz(img, engines.ocr);
    expect(mrz?.info).toMatchObject({ format: 'TD3' });
    expect(mrz?.info?.documentNumber).toBe('XA0000014');
  });
});
