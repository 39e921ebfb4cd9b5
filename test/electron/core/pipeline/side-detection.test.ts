import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../electron/core/pipeline/find/finding.ts';
import {
  doubtfullyUpright,
  recognised,
  surerThan,
  type SideDetection,
} from '../../../../electron/core/pipeline/side-detection.ts';
import { line } from '../../../helpers/ocr-lines.ts';

const fields = [
  line(40, '1.', 'SMIT'),
  line(60, '2.', 'Emma', 'Johanna'),
  line(80, '3.', '09.06.1994', 'Tilburg'),
  line(100, '4a.', '23.11.2019'),
];
const face: Finding = {
  kind: 'photo',
  box: { x: 300, y: 300, width: 100, height: 120 },
  confidence: 0.9,
  via: 'face',
};

function seen(over: Partial<SideDetection>): SideDetection {
  const outline = { x: 0, y: 0, width: 856, height: 540 };
  return { findings: [], mrz: null, lines: [], outline, view: null, timings: {}, ...over };
}

describe('a side recognised as the right way up', () => {
  it('is one whose face or title is read beside plenty of legible text', () => {
    expect(recognised(seen({ findings: [face], lines: fields }))).toBe(true);
    // Varied seed 39 nl-licence-front-79-phone: a licence on its side read perfectly once turned,
    // but its drawn portrait was not seen there, and the turn was passed over (nothing blacked).
    expect(recognised(seen({ lines: [line(10, 'RIJBEWIJS'), ...fields] }))).toBe(true);
  });

  it('is not one with neither, or with too little legible beside them', () => {
    expect(recognised(seen({ lines: fields }))).toBe(false);
    expect(recognised(seen({ lines: [line(10, 'RIJBEWIJS'), line(40, 'SMIT')] }))).toBe(false);
    expect(recognised(seen({ findings: [face], lines: [line(40, 'SMIT')] }))).toBe(false);
  });
});

describe('a side recognised only doubtfully as the right way up', () => {
  // Varied seed 71 foreign-passport-14-phone, upside down: its print read as junk, six words of
  // it at 80 or more, and its portrait scored 0.36.
  const junk = [line(40, '934/934', 'ajeq', 'W/W'), line(60, '934/934', 'NvA', 'ween')];
  const unsure: Finding = { ...face, confidence: 0.36 };

  it('is one recognised on a face the model is unsure of alone', () => {
    expect(doubtfullyUpright(seen({ findings: [unsure], lines: junk }))).toBe(true);
  });

  it('is not one whose face is sure, whose title or MRZ reads, or that is not recognised', () => {
    expect(doubtfullyUpright(seen({ findings: [face], lines: junk }))).toBe(false);
    const titled = [line(10, 'PASPOORT'), ...junk];
    expect(doubtfullyUpright(seen({ findings: [unsure], lines: titled }))).toBe(false);
    expect(doubtfullyUpright(seen({ lines: junk }))).toBe(false);
  });

  it('gives way to a turn whose portrait scores higher, not to one whose scores lower', () => {
    const upright = seen({ findings: [unsure], lines: junk });
    expect(surerThan(seen({ findings: [face], lines: fields }), upright)).toBe(true);
    const weaker: Finding = { ...face, confidence: 0.3 };
    expect(surerThan(seen({ findings: [weaker], lines: fields }), upright)).toBe(false);
    // Nor to one not recognised at all.
    expect(surerThan(seen({ findings: [face], lines: [line(40, 'SMIT')] }), upright)).toBe(false);
  });
});
