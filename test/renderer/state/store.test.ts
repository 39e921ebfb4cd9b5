import { beforeEach, describe, expect, it } from 'vitest';
import type { Region } from '../../../shared/regions.ts';
import { activeRegions, useStore } from '../../../renderer/state/store.ts';

const region = (id: string, kind: Region['kind'] = 'manual'): Region => ({
  id,
  kind,
  shape: { type: 'rect', rect: { cx: 10, cy: 10, width: 5, height: 5, angle: 0 } },
  source: 'manual',
  confidence: 1,
  label: '',
  side: 0,
});

beforeEach(() => {
  useStore.getState().setApp({ org: null, frontDesk: false });
  useStore.getState().reset();
});

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

describe('organisation settings in the app state', () => {
  const org = {
    defaultRecipient: 'Gemeente Voorbeeld',
    purposes: ['verwijdering', 'Parkeervergunning'],
    mayKeep: ['mrz' as const],
    keep: ['mrz' as const],
  };

  it("starts every new document with the organisation's recipient and first purpose", () => {
    const s = () => useStore.getState();
    s().setApp({ org });
    expect([s().recipient, s().purpose]).toEqual(['Gemeente Voorbeeld', 'verwijdering']);
    s().setWatermark({ recipient: 'Iemand anders', purpose: 'inzage' });
    s().reset();
    expect([s().recipient, s().purpose]).toEqual(['Gemeente Voorbeeld', 'verwijdering']);
  });

  it('leaves kept kinds unticked, and never lets an always-redacted kind be unticked', () => {
    const s = () => useStore.getState();
    s().setApp({ org });
    s().setRegions([region('m', 'mrz'), region('p', 'photo')]);
    expect(s().excluded).toEqual(['m']);
    s().toggleExcluded('p');
    expect(s().excluded).toEqual(['m']);
    s().toggleExcluded('m');
    expect(s().excluded).toEqual([]);
    expect(activeRegions(s()).map((r) => r.id)).toEqual(['m', 'p']);
  });

  it("keeps the organisation, front-desk mode and the day's count across a new document", () => {
    const s = () => useStore.getState();
    s().setApp({ org, frontDesk: true, handledToday: 3 });
    s().setJob({ jobId: 'a'.repeat(32), sides: [], regions: [], warnings: [], documentKind: 'x' });
    s().reset();
    expect(s().job).toBeNull();
    expect([s().org, s().frontDesk, s().handledToday]).toEqual([org, true, 3]);
  });
});
