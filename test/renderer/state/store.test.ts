import { beforeEach, describe, expect, it } from 'vitest';
import type { Region } from '../../../shared/regions.ts';
import { activeRegions, useStore } from '../../../renderer/state/store.ts';

const region = (id: string): Region => ({
  id,
  kind: 'manual',
  shape: { type: 'rect', rect: { cx: 10, cy: 10, width: 5, height: 5, angle: 0 } },
  source: 'manual',
  confidence: 1,
  label: '',
  side: 0,
});

beforeEach(() => useStore.getState().reset());

describe('review state', () => {
  it('undoes and redoes region edits, and a new edit clears the redo list', () => {
    const s = () => useStore.getState();
    s().setRegions([region('a')]);
    s().editRegions((rs) => [...rs, region('b')]);
    s().editRegions((rs) => rs.filter((r) => r.id !== 'a'));
    expect(s().regions.map((r) => r.id)).toEqual(['b']);
    s().undo();
    expect(s().regions.map((r) => r.id)).toEqual(['a', 'b']);
    s().undo();
    expect(s().regions.map((r) => r.id)).toEqual(['a']);
    s().redo();
    expect(s().regions.map((r) => r.id)).toEqual(['a', 'b']);
    s().editRegions((rs) => [...rs, region('c')]);
    expect(s().future).toEqual([]);
  });

  it('burns only the regions left ticked', () => {
    useStore.getState().setRegions([region('a'), region('b')]);
    useStore.getState().toggleExcluded('a');
    expect(activeRegions(useStore.getState()).map((r) => r.id)).toEqual(['b']);
  });

  it('"new document" forgets everything about the person but keeps the language', () => {
    const s = useStore.getState();
    s.setUi({ lang: 'en', step: 'review', savedAs: 'x.pdf' });
    s.setRegions([region('a')]);
    s.setWatermark({ recipient: 'Organisatie X', customPurpose: 'iets' });
    s.setJob({ jobId: 'j', sides: [], regions: [], warnings: [], documentKind: 'passport' });
    useStore.getState().reset();
    const after = useStore.getState();
    expect(after).toMatchObject({
      job: null,
      regions: [],
      past: [],
      recipient: '',
      customPurpose: '',
      step: 'start',
      savedAs: null,
      lang: 'en',
    });
  });
});
