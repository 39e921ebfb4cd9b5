import { useCallback, useEffect } from 'react';
import { isAcceptedFile } from '../shared/input-formats.ts';
import { isApiError, type InputFile } from '../shared/ipc.ts';
import { isPurpose } from '../shared/settings.ts';
import { api } from './api.ts';
import { errorText, useT } from './i18n.ts';
import { useBlobUrl } from './components/useBlobUrl.ts';
import { useIdleWipe, useOrganisation } from './components/useOrganisation.ts';
import { useShortcuts } from './components/useShortcuts.ts';
import { runPrimaryAction } from './components/usePrimaryAction.ts';
import { workflowSteps } from './components/StepHeading.tsx';
import { Capture } from './screens/Capture.tsx';
import { Detecting } from './screens/Detecting.tsx';
import { Export } from './screens/Export.tsx';
import { Review } from './screens/Review.tsx';
import { Start, toInputs } from './screens/Start.tsx';
import { useWatermark, Watermark } from './screens/Watermark.tsx';
import { activeRegions, useStore, type Step } from './state/store.ts';

export function App() {
  const t = useT();
  const step = useStore((s) => s.step);
  const lang = useStore((s) => s.lang);
  const error = useStore((s) => s.error);
  const setUi = useStore((s) => s.setUi);
  const watermark = useWatermark();
  const frontDesk = useStore((s) => s.frontDesk);
  const handledToday = useStore((s) => s.handledToday);
  const configError = useStore((s) => s.configError);
  const org = useStore((s) => s.org);
  const setApp = useStore((s) => s.setApp);
  const notice = useStore((s) => s.notice);
  const logoUrl = useBlobUrl(useStore((s) => s.logo));
  const steps = workflowSteps(frontDesk);
  useOrganisation();

  const analyze = useCallback(async (files: InputFile[]) => {
    const { setUi: set, setJob, setRegions, setApp: app } = useStore.getState();
    app({ notice: null });
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
    if (isApiError(result)) {
      s.setUi({ error: errorText(s.lang, result) });
      return;
    }
    if (!result.saved) {
      // The self-check read something: show it, black, and ask the person to look again.
      if (result.reason === 'selfcheck') s.selfCheckFound(result.warnings, result.regions);
      return;
    }
    s.setApp({ handledToday: s.handledToday + 1 });
    if (s.frontDesk) {
      // At the counter: wipe at once and be ready for the next person.
      await api().discard(s.job.jobId);
      s.reset();
      s.setApp({ notice: result.fileName });
      return;
    }
    // The requester's details were for this file only.
    s.setLetter({ requesterName: '', requesterContact: '' });
    s.setUi({ saved: result, error: null });
  }, [watermark]);

  useIdleWipe(startOver);

  useShortcuts({ open: openDialog, primary: runPrimaryAction, wipe: startOver });

  useEffect(() => {
    const onPaste = async (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])].filter((f) =>
        isAcceptedFile(f.type, f.name),
      );
      if (files.length && useStore.getState().step === 'start')
        await analyze(await toInputs(files));
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [analyze]);

  return (
    <div className="app" lang={lang}>
      <header>
        <h1>{t('ui.title')}</h1>
        {(steps as readonly Step[]).includes(step) && (
          <ol className="steps">
            {steps.map((s, i) => (
              <li key={s} className={s === step ? 'current' : ''}>
                {i + 1}. {t(`ui.step_${s}`)}
              </li>
            ))}
          </ol>
        )}
        {logoUrl && <img className="logo" src={logoUrl} alt="" />}
        {org?.organisation && <span className="org">{org.organisation.name}</span>}
        {frontDesk && (
          <span className="counter">{t('ui.handled_today', { count: handledToday })}</span>
        )}
        <span className="badge" title={t('ui.nothing_stored')}>
          {t('ui.nothing_stored')}
        </span>
        {!org?.locked?.includes('frontDesk') && (
          <button
            type="button"
            className="link"
            aria-pressed={frontDesk}
            onClick={() => setApp({ frontDesk: !frontDesk })}
          >
            {t(frontDesk ? 'ui.front_desk_on' : 'ui.front_desk_off')}
          </button>
        )}
        {!org?.locked?.includes('language') && (
          <button
            type="button"
            className="link"
            onClick={() => setUi({ lang: lang === 'nl' ? 'en' : 'nl' })}
          >
            {t('ui.language')}
          </button>
        )}
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {configError && (
        <main className="start">
          <p className="error" role="alert">
            {configError}
          </p>
          <p>{t('ui.config_error_help')}</p>
        </main>
      )}
      {notice && step === 'start' && (
        <p className="notice" role="status">
          {notice === 'idle' ? t('ui.notice_idle') : t('ui.notice_saved', { name: notice })}
        </p>
      )}
      {step === 'start' && !configError && (
        <Start
          onFiles={analyze}
          onOpenDialog={openDialog}
          onCamera={() => setUi({ step: 'capture', error: null })}
        />
      )}
      {step === 'capture' && <Capture onDone={analyze} onCancel={() => setUi({ step: 'start' })} />}
      {step === 'detecting' && <Detecting onCancel={cancel} />}
      {step === 'review' && (
        <Review
          onNext={() =>
            setUi({ step: frontDesk ? 'export' : 'watermark', showOriginal: false, drawing: false })
          }
        />
      )}
      {step === 'watermark' && (
        <Watermark
          onBack={() => setUi({ step: 'review' })}
          onNext={() => setUi({ step: 'export' })}
        />
      )}
      {step === 'export' && (
        <Export
          onSave={save}
          onBack={() => setUi({ step: frontDesk ? 'review' : 'watermark' })}
          onNew={startOver}
        />
      )}
    </div>
  );
}
