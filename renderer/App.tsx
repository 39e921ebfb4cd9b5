import { useCallback, useEffect } from 'react';
import { isAcceptedFile } from '../shared/input-formats.ts';
import { isApiError, type InputFile } from '../shared/ipc.ts';
import { isPurpose } from '../shared/settings.ts';
import { api } from './api.ts';
import { errorText, useT } from './i18n.ts';
import { rectOf, withBox } from './components/DocumentView.tsx';
import { Capture } from './screens/Capture.tsx';
import { Detecting } from './screens/Detecting.tsx';
import { Export } from './screens/Export.tsx';
import { Review } from './screens/Review.tsx';
import { Start, toInputs } from './screens/Start.tsx';
import { useWatermark, Watermark } from './screens/Watermark.tsx';
import { activeRegions, useStore } from './state/store.ts';

const STEPS = ['review', 'watermark', 'export'] as const;
const NUDGE: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function App() {
  const t = useT();
  const step = useStore((s) => s.step);
  const lang = useStore((s) => s.lang);
  const error = useStore((s) => s.error);
  const setUi = useStore((s) => s.setUi);
  const watermark = useWatermark();

  const analyze = useCallback(async (files: InputFile[]) => {
    const { setUi: set, setJob, setRegions } = useStore.getState();
    set({ step: 'detecting', error: null });
    const result = await api().analyze(files);
    if (useStore.getState().step !== 'detecting') {
      // Cancelled meanwhile: forget the result at once.
      if (!isApiError(result)) await api().discard(result.jobId);
      return;
    }
    if (isApiError(result)) {
      set({ step: 'start', error: errorText(useStore.getState().lang, result) });
      return;
    }
    setJob(result);
    setRegions(result.regions);
    set({ step: 'review', side: 0, acknowledged: false });
  }, []);

  const openDialog = useCallback(async () => {
    const files = await api().openFiles();
    if (isApiError(files))
      useStore.getState().setUi({ error: errorText(useStore.getState().lang, files) });
    else if (files) await analyze(files);
  }, [analyze]);

  const startOver = useCallback(async () => {
    const job = useStore.getState().job;
    if (job) await api().discard(job.jobId);
    useStore.getState().reset();
  }, []);

  const cancel = useCallback(async () => {
    useStore.getState().reset();
    await api().cancel();
  }, []);

  const save = useCallback(async () => {
    const s = useStore.getState();
    if (!s.job) return;
    const withLetter = s.letterOn && s.format === 'pdf' && isPurpose(watermark.purpose);
    const result = await api().exportCopy({
      jobId: s.job.jobId,
      regions: activeRegions(s),
      watermark,
      format: s.format,
      letter: withLetter ? { name: s.requesterName, contact: s.requesterContact } : null,
    });
    if (isApiError(result)) s.setUi({ error: errorText(s.lang, result) });
    else if (result.saved) {
      // The requester's details were for this file only.
      s.setLetter({ requesterName: '', requesterContact: '' });
      s.setUi({ savedAs: result.fileName, error: null });
    }
  }, [watermark]);

  // Keyboard: open, paste, undo/redo, delete and nudge the selected box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const s = useStore.getState();
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
      if (mod && e.key.toLowerCase() === 'o' && s.step === 'start') {
        e.preventDefault();
        void openDialog();
      } else if (mod && e.key.toLowerCase() === 'z' && !typing) {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
      } else if (
        (e.key === 'Delete' || e.key === 'Backspace') &&
        s.selected &&
        !typing &&
        s.step === 'review'
      ) {
        s.editRegions((rs) => rs.filter((r) => r.id !== s.selected));
        s.select(null);
      } else if (NUDGE[e.key] && s.selected && !typing && s.step === 'review') {
        e.preventDefault();
        const [dx, dy] = NUDGE[e.key] as [number, number];
        const step = e.shiftKey ? 10 : 2;
        s.editRegions((rs) =>
          rs.map((r) => {
            if (r.id !== s.selected) return r;
            const b = rectOf(r);
            return withBox(r, b.x + dx * step, b.y + dy * step, b.width, b.height);
          }),
        );
      }
    };
    const onPaste = async (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])].filter((f) =>
        isAcceptedFile(f.type, f.name),
      );
      if (files.length && useStore.getState().step === 'start')
        await analyze(await toInputs(files));
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('paste', onPaste);
    };
  }, [analyze, openDialog]);

  return (
    <div className="app" lang={lang}>
      <header>
        <h1>{t('ui.title')}</h1>
        {STEPS.includes(step as (typeof STEPS)[number]) && (
          <ol className="steps">
            {STEPS.map((s) => (
              <li key={s} className={s === step ? 'current' : ''}>
                {t(`ui.step_${s}`)}
              </li>
            ))}
          </ol>
        )}
        <span className="badge" title={t('ui.nothing_stored')}>
          {t('ui.nothing_stored')}
        </span>
        <button
          type="button"
          className="link"
          onClick={() => setUi({ lang: lang === 'nl' ? 'en' : 'nl' })}
          data-testid="language"
        >
          {t('ui.language')}
        </button>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {step === 'start' && (
        <Start
          onFiles={analyze}
          onOpenDialog={openDialog}
          onCamera={() => setUi({ step: 'capture', error: null })}
        />
      )}
      {step === 'capture' && <Capture onDone={analyze} onCancel={() => setUi({ step: 'start' })} />}
      {step === 'detecting' && <Detecting onCancel={cancel} />}
      {step === 'review' && (
        <Review onNext={() => setUi({ step: 'watermark', showResult: false, drawing: false })} />
      )}
      {step === 'watermark' && (
        <Watermark
          onBack={() => setUi({ step: 'review' })}
          onNext={() => setUi({ step: 'export' })}
        />
      )}
      {step === 'export' && (
        <Export onSave={save} onBack={() => setUi({ step: 'watermark' })} onNew={startOver} />
      )}
    </div>
  );
}
