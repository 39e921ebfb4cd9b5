import { useEffect } from 'react';
import { isApiError } from '../../shared/ipc.ts';
import { api } from '../api.ts';
import { errorText } from '../i18n.ts';
import { useStore } from '../state/store.ts';

/** Loads the organisation's config once at start; an invalid one stops the app with its reason. */
export function useOrganisation(): void {
  useEffect(() => {
    void api()
      .settings()
      .then((result) => {
        const s = useStore.getState();
        if (isApiError(result)) return s.setApp({ configError: errorText(s.lang, result) });
        const org = result.config;
        if (!org) return;
        if (org.language) s.setUi({ lang: org.language });
        s.setApp({ org, logo: result.logo, frontDesk: org.frontDesk?.enabled ?? false });
      });
  }, []);
}

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;
const DEFAULT_IDLE_MINUTES = 5;

/**
 * Front desk: a document left open with nobody at the counter is wiped after the idle time, so
 * the next person never sees the last one's ID.
 */
export function useIdleWipe(wipe: () => Promise<void>): void {
  const frontDesk = useStore((s) => s.frontDesk);
  const minutes = useStore((s) => s.org?.frontDesk?.idleMinutes ?? DEFAULT_IDLE_MINUTES);
  useEffect(() => {
    if (!frontDesk) return;
    let last = Date.now();
    const touch = () => (last = Date.now());
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true });
    const timer = setInterval(() => {
      const s = useStore.getState();
      if (s.step !== 'start' && Date.now() - last >= minutes * 60_000) {
        touch();
        void wipe().then(() => s.setApp({ notice: 'idle' }));
      }
    }, 5_000);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, touch);
    };
  }, [frontDesk, minutes, wipe]);
}
