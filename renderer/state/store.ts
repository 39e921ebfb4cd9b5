import { create } from 'zustand';
import type { Lang } from '../../shared/i18n/translate.ts';
import type { AnalysisResult, ExportFormat } from '../../shared/ipc.ts';
import { mayKeepKind, type OrgConfig } from '../../shared/org-config.ts';
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

/** The app as the organisation set it up; survives "new document" (none of it is personal). */
interface AppSlice {
  org: OrgConfig | null;
  logo: Uint8Array | null;
  /** An invalid organisation config: the app stops here with this message. */
  configError: string | null;
  frontDesk: boolean;
  /** Documents exported since the app started today: a count, nothing about them. */
  handledToday: number;
  /** Shown on the start screen after a front-desk export or an idle wipe. */
  notice: string | null;
  setApp: (
    patch: Partial<
      Pick<AppSlice, 'org' | 'logo' | 'configError' | 'frontDesk' | 'handledToday' | 'notice'>
    >,
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

export type AppState = AppSlice &
  DocumentSlice &
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

/** The organisation's defaults for a new document's watermark. */
function orgDefaults(org: OrgConfig | null) {
  return {
    ...(org?.purposes?.[0] ? { purpose: org.purposes[0] } : {}),
    ...(org?.defaultRecipient ? { recipient: org.defaultRecipient } : {}),
  };
}

export const useStore = create<AppState>()((set) => ({
  ...initial(),
  lang: 'nl',
  org: null,
  logo: null,
  configError: null,
  frontDesk: false,
  handledToday: 0,
  notice: null,
  setApp: (patch) =>
    set((s) => ({
      ...patch,
      ...('org' in patch && patch.org !== s.org ? orgDefaults(patch.org ?? null) : {}),
    })),
  setJob: (job) => set({ job }),
  // Kinds the organisation keeps readable by default start unticked.
  setRegions: (regions) =>
    set((s) => ({
      regions,
      past: [],
      future: [],
      excluded: regions
        .filter((r) => s.org?.keep?.includes(r.kind) && mayKeepKind(s.org, r.kind))
        .map((r) => r.id),
      selected: null,
    })),
  editRegions: (update) =>
    set((s) => ({
      regions: update(s.regions),
      past: [...s.past, s.regions].slice(-HISTORY_LIMIT),
      future: [],
    })),
  toggleExcluded: (id) =>
    set((s) => {
      if (s.excluded.includes(id)) return { excluded: s.excluded.filter((x) => x !== id) };
      // What the organisation always redacts cannot be unticked.
      const region = s.regions.find((r) => r.id === id);
      if (region && !mayKeepKind(s.org, region.kind)) return {};
      return { excluded: [...s.excluded, id] };
    }),
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
  reset: () => set((s) => ({ ...initial(), ...orgDefaults(s.org) })),
}));

/** The regions that will be burned: all except those the person unticked. */
export function activeRegions(s: Pick<AppState, 'regions' | 'excluded'>): Region[] {
  return s.regions.filter((r) => !s.excluded.includes(r.id));
}
