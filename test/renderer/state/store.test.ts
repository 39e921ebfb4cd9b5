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
    s().setUi({ step: 'review' });
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

  it('burns only the regions left ticked, and unticks only after the person confirms', () => {
    const s = () => useStore.getState();
    s().setRegions([region('a', 'document_number'), region('b')]);
    s().toggleExcluded('a');
    expect(s().confirmKeep).toBe('a');
    expect(activeRegions(s()).map((r) => r.id)).toEqual(['a', 'b']);
    s().answerKeep(false);
    expect(activeRegions(s()).map((r) => r.id)).toEqual(['a', 'b']);
    s().toggleExcluded('a');
    s().answerKeep(true);
    expect(activeRegions(s()).map((r) => r.id)).toEqual(['b']);
    // Ticking back on needs no question.
    s().toggleExcluded('a');
    expect(activeRegions(s()).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('undo and redo do nothing outside the review step', () => {
    const s = () => useStore.getState();
    s().setUi({ step: 'review' });
    s().setRegions([region('a')]);
    s().editRegions((rs) => [...rs, region('b')]);
    s().setUi({ step: 'export' });
    s().undo();
    expect(s().regions.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('deletes a box the person drew, never a region that was found', () => {
    const s = () => useStore.getState();
    s().setRegions([{ ...region('found', 'mrz'), source: 'auto' }, region('own')]);
    s().removeRegion('found');
    s().removeRegion('own');
    expect(s().regions.map((r) => r.id)).toEqual(['found']);
  });

  it("deletes the selected box of one's own, and asks before a found region is left readable", () => {
    const s = () => useStore.getState();
    s().setRegions([{ ...region('found', 'mrz'), source: 'auto' }, region('own')]);
    s().setUi({ step: 'review' });
    s().select('own');
    s().deleteSelected();
    expect(s().regions.map((r) => r.id)).toEqual(['found']);
    s().select('found');
    s().deleteSelected();
    expect([s().regions.length, s().confirmKeep, s().excluded]).toEqual([1, 'found', []]);
  });

  it('deletes nothing outside the review step', () => {
    const s = () => useStore.getState();
    s().setRegions([region('own')]);
    s().setUi({ step: 'export' });
    s().select('own');
    s().deleteSelected();
    expect([s().regions.length, s().confirmKeep]).toEqual([1, null]);
  });

  it('adds a box over a spot, selected, on its side, and moves and resizes it from the keyboard', () => {
    const s = () => useStore.getState();
    s().setUi({ step: 'review', drawing: true });
    s().addBox(1, { x: 10, y: 20, width: 100, height: 40 });
    const id = s().selected!;
    expect([s().side, s().drawing]).toEqual([1, false]);
    s().nudge(5, 0, false);
    s().nudge(10, 4, true);
    const rect = s().regions.find((r) => r.id === id)!.shape;
    expect(rect).toEqual({
      type: 'rect',
      rect: { cx: 15 + 55, cy: 20 + 22, width: 110, height: 44, angle: 0 },
    });
  });

  it('"new document" forgets everything about the person but keeps the language', () => {
    const s = useStore.getState();
    s.setUi({
      lang: 'en',
      step: 'review',
      saved: { saved: true, fileName: 'x.pdf', folder: '/d', summary: { regions: 1, restored: 0 } },
    });
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
      saved: null,
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
    s().answerKeep(true);
    expect(s().excluded).toEqual(['m']);
    s().toggleExcluded('m');
    expect(s().excluded).toEqual([]);
    expect(activeRegions(s()).map((r) => r.id)).toEqual(['m', 'p']);
  });

  it('lets the Delete key neither delete nor offer to untick an always-redacted region', () => {
    const s = () => useStore.getState();
    s().setApp({ org });
    s().setRegions([{ ...region('p', 'photo'), source: 'auto' }]);
    s().setUi({ step: 'review' });
    s().select('p');
    s().deleteSelected();
    expect([s().regions.length, s().confirmKeep, s().excluded]).toEqual([1, null, []]);
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
