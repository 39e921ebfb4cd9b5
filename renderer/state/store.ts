import { create } from 'zustand';
import type { Lang } from '../../shared/i18n/translate.ts';
import type { AnalysisResult, ExportFormat } from '../../shared/ipc.ts';
import type { Region } from '../../shared/regions.ts';
import { todayIso } from '../../shared/settings.ts';

// The only place that imports zustand. No `persist`: nothing here ever reaches disk.

export type Step = 'start' | 'capture' | 'detecting' | 'review' | 'watermark' | 'export' | 'done';

interface DocumentSlice {
  job: AnalysisResult | null;
  setJob: (job: AnalysisResult | null) => void;
}

interface RegionsSlice {
  regions: Region[];
  /** Region ids the person unticked: drawn in the list, not burned. */
  excluded: string[];
  past: Region[][];
  future: Region[][];
  selected: string | null;
  setRegions: (regions: Region[]) => void;
  /** A change the person made: recorded for undo. */
  editRegions: (update: (regions: Region[]) => Region[]) => void;
  toggleExcluded: (id: string) => void;
  select: (id: string | null) => void;
  undo: () => void;
  redo: () => void;
}

interface WatermarkSlice {
  purpose: string;
  customPurpose: string;
  recipient: string;
  date: string;
  setWatermark: (
    patch: Partial<Pick<WatermarkSlice, 'purpose' | 'customPurpose' | 'recipient' | 'date'>>,
  ) => void;
}

/** The request letter; the requester's details live here only until the export is saved. */
interface LetterSlice {
  letterOn: boolean;
  requesterName: string;
  requesterContact: string;
  setLetter: (
    patch: Partial<Pick<LetterSlice, 'letterOn' | 'requesterName' | 'requesterContact'>>,
  ) => void;
}

interface UiSlice {
  lang: Lang;
  step: Step;
  side: number;
  showResult: boolean;
  zoom: number;
  drawing: boolean;
  acknowledged: boolean;
  format: ExportFormat;
  savedAs: string | null;
  error: string | null;
  setUi: (patch: Partial<Omit<UiSlice, 'setUi'>>) => void;
}

export type AppState = DocumentSlice &
  RegionsSlice &
  WatermarkSlice &
  LetterSlice &
  UiSlice & { reset: () => void };

const HISTORY_LIMIT = 100;

const initial = () => ({
  job: null,
  regions: [],
  excluded: [],
  past: [],
  future: [],
  selected: null,
  purpose: 'inzage',
  customPurpose: '',
  recipient: '',
  date: todayIso(),
  letterOn: false,
  requesterName: '',
  requesterContact: '',
  step: 'start' as Step,
  side: 0,
  showResult: false,
  zoom: 1,
  drawing: false,
  acknowledged: false,
  format: 'pdf' as ExportFormat,
  savedAs: null,
  error: null,
});

export const useStore = create<AppState>()((set) => ({
  ...initial(),
  lang: 'nl',
  setJob: (job) => set({ job }),
  setRegions: (regions) => set({ regions, past: [], future: [], excluded: [], selected: null }),
  editRegions: (update) =>
    set((s) => ({
      regions: update(s.regions),
      past: [...s.past, s.regions].slice(-HISTORY_LIMIT),
      future: [],
    })),
  toggleExcluded: (id) =>
    set((s) => ({
      excluded: s.excluded.includes(id) ? s.excluded.filter((x) => x !== id) : [...s.excluded, id],
    })),
  select: (selected) => set({ selected }),
  undo: () =>
    set((s) => {
      const previous = s.past[s.past.length - 1];
      return previous
        ? { regions: previous, past: s.past.slice(0, -1), future: [s.regions, ...s.future] }
        : {};
    }),
  redo: () =>
    set((s) => {
      const [next, ...rest] = s.future;
      return next ? { regions: next, past: [...s.past, s.regions], future: rest } : {};
    }),
  setWatermark: (patch) => set(patch),
  setLetter: (patch) => set(patch),
  setUi: (patch) => set(patch),
  // "New document": everything about the person is dropped; only the language stays.
  reset: () => set(initial()),
}));

/** The regions that will be burned: all except those the person unticked. */
export function activeRegions(s: Pick<AppState, 'regions' | 'excluded'>): Region[] {
  return s.regions.filter((r) => !s.excluded.includes(r.id));
}
