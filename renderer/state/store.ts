import { create } from 'zustand';
import type { Lang } from '../../shared/i18n/translate.ts';
import type { AnalysisResult, ExportFormat, ExportResult } from '../../shared/ipc.ts';
import type { Warning } from '../../shared/warnings.ts';
import { mayKeepKind, type OrgConfig } from '../../shared/org-config.ts';
import { boxToRect, type Box, type Region } from '../../shared/regions.ts';
import { moveShape, resizeShape } from '../../shared/shapes.ts';
import { todayIso } from '../../shared/settings.ts';

// The only place that imports zustand. No `persist`: nothing here ever reaches disk.

export type Step = 'start' | 'capture' | 'detecting' | 'review' | 'watermark' | 'export' | 'done';

interface DocumentSlice {
  job: AnalysisResult | null;
  setJob: (job: AnalysisResult | null) => void;
  /**
   * What the self-check found at export: its regions join the review's (black, like the rest),
   * its warnings join the job's, and they must be ticked off before saving again.
   */
  selfCheckFound: (warnings: Warning[], regions: Region[]) => void;
}

export type SavedCopy = Extract<ExportResult, { saved: true }>;

interface RegionsSlice {
  regions: Region[];
  /** Region ids the person unticked: drawn in the list, not burned. */
  excluded: string[];
  past: Region[][];
  future: Region[][];
  selected: string | null;
  /** A region the person asked to leave readable, waiting for their confirmation. */
  confirmKeep: string | null;
  setRegions: (regions: Region[]) => void;
  /** A change the person made: recorded for undo. */
  editRegions: (update: (regions: Region[]) => Region[]) => void;
  /** Tick a region back on at once; ticking one off asks first, and never for a locked kind. */
  toggleExcluded: (id: string) => void;
  /** The answer to "leave this readable?": yes unticks it, no keeps it covered. */
  answerKeep: (leaveReadable: boolean) => void;
  /** Deletes a box the person drew; automatic regions are unticked instead, never deleted. */
  removeRegion: (id: string) => void;
  /**
   * The Delete key on the review: the selected box of one's own goes; a found region asks
   * whether to leave it readable (never for a kind the organisation always redacts).
   */
  deleteSelected: () => void;
  /** A new box of the person's own over `box` on `side`, selected (a warning's spot, or a start). */
  addBox: (side: number, box: Box) => void;
  /** Moves (or with `resize`, grows) the selected box by dx, dy image pixels. */
  nudge: (dx: number, dy: number, resize: boolean) => void;
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
  /** Show the original under outlines instead of the black boxes that will be burned. */
  showOriginal: boolean;
  zoom: number;
  drawing: boolean;
  acknowledged: boolean;
  format: ExportFormat;
  /** The saved file, once saved: the done screen shows it. */
  saved: SavedCopy | null;
  /** The self-check found something at the last save attempt (shown on the export step). */
  checkFound: boolean;
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
  confirmKeep: null,
  purpose: 'inzage',
  customPurpose: '',
  recipient: '',
  date: todayIso(),
  letterOn: false,
  requesterName: '',
  requesterContact: '',
  step: 'start' as Step,
  side: 0,
  showOriginal: false,
  zoom: 1,
  drawing: false,
  acknowledged: false,
  format: 'pdf' as ExportFormat,
  saved: null,
  checkFound: false,
  error: null,
});

/** The organisation's defaults for a new document's watermark. */
function orgDefaults(org: OrgConfig | null) {
  return {
    ...(org?.purposes?.[0] ? { purpose: org.purposes[0] } : {}),
    ...(org?.defaultRecipient ? { recipient: org.defaultRecipient } : {}),
  };
}

/** The regions after a change the person made, with the change recorded for undo. */
function history(s: AppState, regions: Region[]) {
  return { regions, past: [...s.past, s.regions].slice(-HISTORY_LIMIT), future: [] };
}

export const useStore = create<AppState>()((set, get) => ({
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
  selfCheckFound: (warnings, regions) =>
    set((s) =>
      s.job
        ? {
            job: { ...s.job, warnings: [...s.job.warnings, ...warnings] },
            ...history(s, [...s.regions, ...regions]),
            acknowledged: false,
            checkFound: true,
          }
        : {},
    ),
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
  editRegions: (update) => set((s) => history(s, update(s.regions))),
  toggleExcluded: (id) =>
    set((s) => {
      if (s.excluded.includes(id)) return { excluded: s.excluded.filter((x) => x !== id) };
      // What the organisation always redacts cannot be unticked.
      const region = s.regions.find((r) => r.id === id);
      if (!region || !mayKeepKind(s.org, region.kind)) return {};
      return { confirmKeep: id };
    }),
  answerKeep: (leaveReadable) =>
    set((s) =>
      leaveReadable && s.confirmKeep
        ? { excluded: [...s.excluded, s.confirmKeep], confirmKeep: null }
        : { confirmKeep: null },
    ),
  removeRegion: (id) =>
    set((s) => {
      const region = s.regions.find((r) => r.id === id);
      if (region?.source !== 'manual') return {};
      return {
        ...history(
          s,
          s.regions.filter((r) => r.id !== id),
        ),
        selected: s.selected === id ? null : s.selected,
      };
    }),
  deleteSelected: () => {
    const s = get();
    const region = s.regions.find((r) => r.id === s.selected);
    if (!region || s.step !== 'review') return;
    if (region.source === 'manual') s.removeRegion(region.id);
    else if (!s.excluded.includes(region.id)) s.toggleExcluded(region.id);
  },
  addBox: (side, box) =>
    set((s) => {
      const id = `manual-${Date.now().toString(36)}-${s.regions.length}`;
      const region: Region = {
        id,
        kind: 'manual',
        shape: { type: 'rect', rect: boxToRect(box) },
        source: 'manual',
        confidence: 1,
        label: '',
        side,
      };
      return { ...history(s, [...s.regions, region]), selected: id, side, drawing: false };
    }),
  nudge: (dx, dy, resize) =>
    set((s) => {
      if (!s.selected || s.step !== 'review') return {};
      return history(
        s,
        s.regions.map((r) =>
          r.id === s.selected
            ? { ...r, shape: resize ? resizeShape(r.shape, dx, dy) : moveShape(r.shape, dx, dy) }
            : r,
        ),
      );
    }),
  select: (selected) => set({ selected }),
  // Undo belongs to the review: elsewhere (a letter's text box, the watermark form) it is inert.
  undo: () =>
    set((s) => {
      const previous = s.past[s.past.length - 1];
      return previous && s.step === 'review'
        ? { regions: previous, past: s.past.slice(0, -1), future: [s.regions, ...s.future] }
        : {};
    }),
  redo: () =>
    set((s) => {
      const [next, ...rest] = s.future;
      return next && s.step === 'review'
        ? { regions: next, past: [...s.past, s.regions], future: rest }
        : {};
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
