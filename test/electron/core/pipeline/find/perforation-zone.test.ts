import { describe, expect, it } from 'vitest';
import { predictPerforationZone } from '../../../../../electron/core/pipeline/find/perforation-zone.ts';
import type { MrzInfo } from '../../../../../shared/mrz.ts';

const dutch: MrzInfo = {
  format: 'TD3',
  documentCode: 'P',
  issuingState: 'NLD',
  documentNumber: 'NVTA5K714',
  personalNumbers: [],
  valid: true,
};
// An MRZ band of a page at 10 px/mm: 6 mm from the left, 72.5 mm down.
const band = { x: 60, y: 725, width: 1118, height: 110 };

describe('where the layout puts the perforated number', () => {
  it('is the right edge of a Dutch passport page above its MRZ', () => {
    const zone = predictPerforationZone(band, dutch, 1250, 880);
    expect(zone).not.toBeNull();
    // The generator's holes: 120.5–123.7 mm across, 6–29 mm down.
    expect(zone!.x).toBeLessThanOrEqual(1205);
    expect(zone!.x + zone!.width).toBeGreaterThanOrEqual(1237);
    expect(zone!.y).toBeLessThanOrEqual(60);
    expect(zone!.y + zone!.height).toBeGreaterThan(290);
    expect(zone!.y + zone!.height).toBeLessThanOrEqual(band.y);
    // Not the fields: it starts right of where the ghost image and the values are.
    expect(zone!.x).toBeGreaterThan(1100);
  });

  it('is not guessed for other states, other formats, or an MRZ that does not check', () => {
    expect(predictPerforationZone(band, { ...dutch, issuingState: 'BEL' }, 1250, 880)).toBeNull();
    expect(predictPerforationZone(band, { ...dutch, format: 'TD1' }, 1250, 880)).toBeNull();
    expect(predictPerforationZone(band, { ...dutch, valid: false }, 1250, 880)).toBeNull();
  });
});
