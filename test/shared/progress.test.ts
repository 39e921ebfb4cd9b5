import { describe, expect, it } from 'vitest';
import { advanceProgress, startProgress } from '../../shared/progress.ts';

describe('analysis progress', () => {
  it('marks parallel stages active and done independently', () => {
    let p = startProgress(1);
    p = advanceProgress(p, 0, 'mrz', 'start');
    p = advanceProgress(p, 0, 'faces', 'start');
    p = advanceProgress(p, 0, 'faces', 'done');
    expect(p.stages).toMatchObject({ mrz: 'active', faces: 'done', text: 'pending' });
  });

  it('starts a fresh checklist for the back, with the files already opened', () => {
    let p = startProgress(2);
    p = advanceProgress(p, 0, 'load', 'done');
    p = advanceProgress(p, 0, 'mrz', 'done');
    p = advanceProgress(p, 1, 'locate', 'start');
    expect(p.side).toBe(1);
    expect(p.sides).toBe(2);
    expect(p.stages).toMatchObject({ load: 'done', locate: 'active', mrz: 'pending' });
  });
});
